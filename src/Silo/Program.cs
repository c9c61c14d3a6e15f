using Microsoft.Extensions.Hosting;
using Reservations.Silo;

// A silo without the HTTP API: the reservation grains on the configured storage, alone on
// localhost or a member of a Redis-membership cluster (docs/operations.md). Never point a
// localhost silo and an embedded API at one database: they would not know of each other.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddReservations(builder.Configuration));
builder.Build().Run();
