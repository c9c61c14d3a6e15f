using System.Text.Json.Serialization;
using Reservations.Grains.Admin;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Tenants;
using Reservations.Grains.Users;

namespace Reservations.Grains;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(SeatState))]
[JsonSerializable(typeof(TenantState))]
[JsonSerializable(typeof(TenantRegistryState))]
[JsonSerializable(typeof(UserState))]
[JsonSerializable(typeof(AdminState))]
[JsonSerializable(typeof(InventoryState))]
internal sealed partial class GrainsJsonContext : JsonSerializerContext;
