using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Reservations.Persistence.Sqlite;

/// <summary>Puts a silo's grain state and reminders in one SQLite file.</summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="SqliteDatabase"/> at <paramref name="path"/> (one per silo, also
    /// available to other services that keep tables in it), the default grain storage and the
    /// reminder table over it.
    /// </summary>
    public static ISiloBuilder UseSqlite(this ISiloBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var services = builder.Services;
        services.TryAddSingleton(_ => new SqliteDatabase(path));
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, static (sp, _) => new SqliteGrainStorage(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<IActivatorProvider>()));
        builder.AddReminders();
        services.AddSingleton<Orleans.IReminderTable>(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>()));
        return builder;
    }
}
