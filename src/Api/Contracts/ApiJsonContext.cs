using System.Text.Json;
using System.Text.Json.Serialization;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Api.Contracts;

/// <summary>Source-generated JSON for every request and response body, camelCase.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SignupRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(SignupResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(SeatsResponse))]
[JsonSerializable(typeof(SeatMapSnapshot))]
[JsonSerializable(typeof(SeatMapChange))]
[JsonSerializable(typeof(ReserveSeatRequest))]
[JsonSerializable(typeof(ReservationResponse))]
[JsonSerializable(typeof(ReleaseSeatRequest))]
[JsonSerializable(typeof(ReleaseResponse))]
[JsonSerializable(typeof(ConfirmBookingRequest))]
[JsonSerializable(typeof(ReserveSeatsRequest))]
[JsonSerializable(typeof(GroupReservationResponse))]
[JsonSerializable(typeof(GroupBookingResponse))]
[JsonSerializable(typeof(GroupReleaseResponse))]
[JsonSerializable(typeof(HoldRequest))]
[JsonSerializable(typeof(HoldTimeResponse))]
[JsonSerializable(typeof(GroupHoldTimeResponse))]
[JsonSerializable(typeof(Booking))]
[JsonSerializable(typeof(IReadOnlyList<Booking>))]
[JsonSerializable(typeof(BookingPage))]
[JsonSerializable(typeof(AdminLoginRequest))]
[JsonSerializable(typeof(CreateAppRequest))]
[JsonSerializable(typeof(UpdateAppRequest))]
[JsonSerializable(typeof(AppResponse))]
[JsonSerializable(typeof(IReadOnlyList<AppResponse>))]
[JsonSerializable(typeof(CreatedAppResponse))]
[JsonSerializable(typeof(RotateKeyResponse))]
[JsonSerializable(typeof(IReadOnlyList<UsageResponse>))]
[JsonSerializable(typeof(SeedDataRequest))]
[JsonSerializable(typeof(SeedDataResponse))]
[JsonSerializable(typeof(BookingCursor))]
[JsonSerializable(typeof(EntitiesResponse))]
[JsonSerializable(typeof(UsageHistoryResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
