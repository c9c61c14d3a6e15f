using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Storage;

namespace Reservations.Grains.Health;

/// <summary>
/// Reads one row that is never written through the default grain storage (the seats' storage), so a
/// readiness probe proves the database answers without a turn on any seat. One read answers every
/// probe within <see cref="EngineHealthOptions.StorageCheckInterval"/>, and a read under way answers
/// the probes that arrive meanwhile: many probes cost one query.
/// </summary>
internal sealed class StorageProbe(IServiceProvider services, IOptions<EngineHealthOptions> options, ILogger<StorageProbe> logger)
{
    private const string StateName = "health-probe";
    private static readonly GrainId ProbeId = GrainId.Create("reservations-health", "storage");

    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
    private readonly TimeSpan _interval = options.Value.StorageCheckInterval;
    private readonly Lock _lock = new();
    private Task<string?>? _last;
    private long _lastStarted;

    /// <summary>Null when storage answered; otherwise a sentence for operators (the exception is logged, not shown).</summary>
    public Task<string?> CheckAsync()
    {
        lock (_lock)
        {
            if (_last is { } last && (!last.IsCompleted || Stopwatch.GetElapsedTime(_lastStarted) < _interval))
            {
                return last;
            }

            _lastStarted = Stopwatch.GetTimestamp();
            return _last = ReadAsync();
        }
    }

    private async Task<string?> ReadAsync()
    {
        try
        {
            await _storage.ReadStateAsync(StateName, ProbeId, new GrainState<StorageProbeState>());
            return null;
        }
        catch (Exception exception)
        {
            GrainsLog.StorageProbeFailed(logger, exception);
            return "Grain storage did not answer a read.";
        }
    }
}
