using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reservations.LoadTest.Wire;

/// <summary>Source-generated JSON for the engine's bodies, camelCase like the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AdminLoginRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CreateAppRequest))]
[JsonSerializable(typeof(WebhookEndpointRequest))]
[JsonSerializable(typeof(WebhookEndpointResponse))]
[JsonSerializable(typeof(CreatedAppResponse))]
[JsonSerializable(typeof(UpdateAppRequest))]
[JsonSerializable(typeof(AppResponse))]
[JsonSerializable(typeof(SeedDataRequest))]
[JsonSerializable(typeof(SeedDataResponse))]
[JsonSerializable(typeof(BookingPage))]
[JsonSerializable(typeof(SignupRequest))]
[JsonSerializable(typeof(SignupResponse))]
[JsonSerializable(typeof(ReserveSeatRequest))]
[JsonSerializable(typeof(ReservationResponse))]
[JsonSerializable(typeof(ReleaseSeatRequest))]
[JsonSerializable(typeof(ConfirmBookingRequest))]
[JsonSerializable(typeof(ReserveSeatsRequest))]
[JsonSerializable(typeof(GroupReservationResponse))]
[JsonSerializable(typeof(GroupBookingResponse))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
