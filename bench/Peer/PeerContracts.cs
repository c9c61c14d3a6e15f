using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reservations.Peer;

internal sealed record ReserveSeatRequest(string? SeatId);

internal sealed record ReservationResponse(string ReservationToken, string SeatId, DateTimeOffset ExpiresAt);

internal sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

internal sealed record SignupResponse(string UserId, string Token, DateTimeOffset ExpiresAt);

internal sealed record CreatedAppResponse(string AppId, string ApiKey);

internal sealed record AppResponse(string AppId);

internal sealed record SeedSeatRequest(string SeatNumber, decimal Price);

internal sealed record SeedDataRequest(string AppId, string EntityId, IReadOnlyList<SeedSeatRequest> Seats);

internal sealed record SeededSeat(string SeatId, string SeatNumber, decimal Price);

internal sealed record SeedDataResponse(string AppId, string EntityId, IReadOnlyList<SeededSeat> Seats);

internal sealed record BookingPage(IReadOnlyList<string> Items, string? NextCursor);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReserveSeatRequest))]
[JsonSerializable(typeof(ReservationResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(SignupResponse))]
[JsonSerializable(typeof(CreatedAppResponse))]
[JsonSerializable(typeof(AppResponse))]
[JsonSerializable(typeof(SeedDataRequest))]
[JsonSerializable(typeof(SeedDataResponse))]
[JsonSerializable(typeof(BookingPage))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class PeerJsonContext : JsonSerializerContext;
