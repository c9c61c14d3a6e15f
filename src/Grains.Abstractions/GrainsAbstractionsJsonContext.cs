using System.Text.Json.Serialization;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Tenants;
using Reservations.Grains.Users;

namespace Reservations.Grains;

/// <summary>Source-generated JSON for every type that crosses a grain boundary.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(SeatDefinition))]
[JsonSerializable(typeof(SeatView))]
[JsonSerializable(typeof(HoldResult))]
[JsonSerializable(typeof(ReleaseOutcome))]
[JsonSerializable(typeof(ConfirmResult))]
[JsonSerializable(typeof(Booking))]
[JsonSerializable(typeof(TenantSettings))]
[JsonSerializable(typeof(TenantUpdate))]
[JsonSerializable(typeof(TenantView))]
[JsonSerializable(typeof(TenantAuth))]
[JsonSerializable(typeof(TenantUsage))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(SeatSpec))]
[JsonSerializable(typeof(SeatListing))]
public sealed partial class GrainsAbstractionsJsonContext : JsonSerializerContext;
