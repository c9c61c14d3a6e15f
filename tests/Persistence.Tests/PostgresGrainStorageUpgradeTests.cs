using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Persistence.Tests;

/// <summary>
/// A database written before schema version 7 keeps its grain state in orleans_grain_state, through
/// Orleans' ADO.NET provider: grains read it from there until they first write to grain_state.
/// </summary>
public sealed class PostgresGrainStorageUpgradeTests
{
    private const string StateName = "probe";

    [Fact]
    public async Task StateStoredBefore_ReadUntilTheGrainWritesThenLeftBehind()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var written = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var cleared = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var silo = new ExistingDatabaseSilo(database.ConnectionString);
        await silo.InitializeAsync();
        try
        {
            var adoNet = silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresGrainStorage.BeforeProviderName);
            await adoNet.WriteStateAsync(StateName, written, new GrainState<ProbeState>(new ProbeState { Value = 1 }));
            await adoNet.WriteStateAsync(StateName, cleared, new GrainState<ProbeState>(new ProbeState { Value = 2 }));
        }
        finally
        {
            await silo.DisposeAsync();
        }

        // A silo started on that database finds rows in orleans_grain_state and reads them.
        silo = new ExistingDatabaseSilo(database.ConnectionString);
        await silo.InitializeAsync();
        try
        {
            var state = new GrainState<ProbeState>();
            await silo.Storage.ReadStateAsync(StateName, written, state);
            Assert.Equal(1, state.State!.Value);
            Assert.True(state.RecordExists);

            state.State.Value = 3;
            await silo.Storage.WriteStateAsync(StateName, written, state);
            var reread = new GrainState<ProbeState>();
            await silo.Storage.ReadStateAsync(StateName, written, reread);
            Assert.Equal(3, reread.State!.Value);
            Assert.Equal(state.ETag, reread.ETag);

            await silo.Storage.ClearStateAsync(StateName, cleared, new GrainState<ProbeState>());
            var afterClear = new GrainState<ProbeState>();
            await silo.Storage.ReadStateAsync(StateName, cleared, afterClear);
            Assert.False(afterClear.RecordExists);
            Assert.Equal(0, afterClear.State!.Value);
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    private sealed class ExistingDatabaseSilo(string connectionString) : ProviderSilo
    {
        protected override string ServiceId => "upgrade"; // rows are kept per service: both silos are one

        protected override void ConfigureProvider(ISiloBuilder silo) => silo.UsePostgres(NpgsqlDataSource.Create(connectionString), applySchema: true);
    }
}
