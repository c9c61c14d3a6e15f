using Microsoft.Extensions.Hosting;
using Reservations.Grains;
using Reservations.Runtime.Hosting;

// A silo without the HTTP API: the reservation grains on the configured storage. Until cluster
// membership exists (docs/runtime.md) it runs alone, so do not point it and an embedded API at
// one database at the same time.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSilo(silo => silo.AddReservationGrains().UseConfiguredStorage());
builder.Build().Run();
