namespace Reservations.LoadTest.Wire;

public sealed record AdminLoginRequest(string Username, string Password);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

public sealed record WebhookEndpointRequest(string Url, IReadOnlyList<string> Events);

public sealed record WebhookEndpointResponse(string EndpointId);

public sealed record CreateAppRequest(string Name, string Domain, IReadOnlyList<string> AllowedDomains);

public sealed record CreatedAppResponse(string AppId, string ApiKey);

/// <summary>An app's own abuse limits (PATCH /admin/apps/{appId}); the window in seconds.</summary>
public sealed record AbuseLimits(
    int MaxHoldsPerUser, int WindowSeconds, int SignupsPerAddress, int SignupsPerAccount, int LoginsPerAddress, int LoginsPerAccount, int HoldsPerAddress, int HoldsPerAccount);

public sealed record UpdateAppRequest(AbuseLimits Limits);

public sealed record AppResponse(string AppId);

public sealed record SeedSeatRequest(string SeatNumber, decimal Price);

public sealed record SeedDataRequest(string AppId, string EntityId, IReadOnlyList<SeedSeatRequest> Seats);

public sealed record SeededSeat(string SeatId, string SeatNumber, decimal Price);

public sealed record SeedDataResponse(string AppId, string EntityId, IReadOnlyList<SeededSeat> Seats);

public sealed record BookingResponse(string BookingId, string SeatId, string UserId, string PaymentId);

public sealed record BookingPage(IReadOnlyList<BookingResponse> Items, string? NextCursor);
