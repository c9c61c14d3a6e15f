using Reservations.Peer;

// The reference peer of docs/performance.md: a hold is one conditional UPDATE and nothing more. It reads
// the engine's setting names, so the load tester starts it as it starts the engine (--engine-dll).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PeerJsonContext.Default));
var settings = builder.Configuration;
IHoldStore store = settings["Storage:Provider"] == "Postgres"
    ? new PostgresHoldStore(settings.GetConnectionString("Postgres") ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set."))
    : new SqliteHoldStore(settings["Storage:Sqlite:Path"] ?? "data/peer.db");
await store.CreateSchemaAsync();
builder.Services.AddSingleton(store);

var app = builder.Build();
app.MapSetupStubs();
app.MapReserveEndpoint(settings.GetValue("Reservations:HoldDuration", TimeSpan.FromMinutes(2)));
await app.RunAsync();
await store.DisposeAsync();
