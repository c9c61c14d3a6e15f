using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reservations.Api.Hosting;
using Reservations.Grains.Health;
using Reservations.Silo.Observability;

namespace Reservations.Api.Health;

/// <summary>
/// Ready once the engine has started (<see cref="EngineReadiness"/>) and a silo answers the probe
/// grain as ready: the answer proves membership (the call reached an active silo) and storage (that
/// silo read from it). The same whether the silo runs in this process or in a cluster this API is a client of.
/// </summary>
internal sealed class EngineReadinessCheck(EngineReadiness readiness, IGrainFactory grains, ILogger<EngineReadinessCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return EngineHealthResults.ToResult(EngineCondition.Starting, "The engine is starting.");
        }

        try
        {
            return EngineHealthResults.ToResult(await grains.GetGrain<IEngineProbeGrain>(0).CheckAsync().WaitAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ApiLog.ReadinessProbeFailed(logger, exception);
            return EngineHealthResults.ToResult(EngineCondition.NotReady, "No silo of the cluster answered the readiness probe.");
        }
    }
}
