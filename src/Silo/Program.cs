using Microsoft.Extensions.Hosting;
using Reservations.Silo;

// A silo without the HTTP API: the reservation grains on the configured storage. Until cluster
// membership lands (docs/engine.md) it runs alone, so do not point it and an embedded API at one
// database at the same time.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddReservations(builder.Configuration));
builder.Build().Run();
