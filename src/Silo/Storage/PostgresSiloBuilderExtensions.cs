using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Reservations.Silo.Storage;

/// <summary>
/// Grain state (<see cref="PostgresGrainStorage"/>, group-committed) and reminders (Orleans' ADO.NET
/// provider) in PostgreSQL, on the schema of deploy/postgres/.
/// </summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Uses the database of <paramref name="dataSource"/> (its connections are shared with whatever
    /// else uses it). Before any provider reads its queries, the silo applies the schema
    /// (<paramref name="applySchema"/>) or checks that a migration job did.
    /// </summary>
    public static ISiloBuilder UsePostgres(this ISiloBuilder builder, NpgsqlDataSource dataSource, bool applySchema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new SchemaParticipant(dataSource, applySchema));
        builder.AddAdoNetGrainStorage(PostgresGrainStorage.BeforeProviderName, (AdoNetGrainStorageOptions options) =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        });
        builder.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) => new PostgresGrainStorage(
            dataSource,
            services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredKeyedService<IGrainStorage>(PostgresGrainStorage.BeforeProviderName)));
        builder.UseAdoNetReminderService((AdoNetReminderTableOptions options) =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        });
        return builder;
    }

    private sealed class SchemaParticipant(NpgsqlDataSource dataSource, bool apply) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
            nameof(PostgresSchema),
            ServiceLifecycleStage.RuntimeInitialize,
            cancellationToken => apply
                ? PostgresSchema.ApplyAsync(dataSource, cancellationToken)
                : PostgresSchema.EnsureCurrentAsync(dataSource, cancellationToken));
    }
}
