using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reservations.Grains.Health;

namespace Reservations.Silo.Observability;

/// <summary>Ready when this silo is active in its cluster and its grain storage answers (<see cref="SiloHealth"/>).</summary>
public sealed class SiloReadinessCheck(SiloHealth health) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        EngineHealthResults.ToResult(await health.CheckAsync());
}
