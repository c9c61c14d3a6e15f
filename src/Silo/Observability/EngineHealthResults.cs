using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reservations.Grains.Health;

namespace Reservations.Silo.Observability;

/// <summary>An engine's health as a health check result carrying its stable error code.</summary>
public static class EngineHealthResults
{
    private static readonly IReadOnlyDictionary<string, object> Starting = new Dictionary<string, object> { [HealthEndpoints.ErrorKey] = "starting" };
    private static readonly IReadOnlyDictionary<string, object> NotReady = new Dictionary<string, object> { [HealthEndpoints.ErrorKey] = "not_ready" };

    /// <summary>Healthy when ready; otherwise unhealthy with error <c>starting</c> or <c>not_ready</c> and the health's detail.</summary>
    public static HealthCheckResult ToResult(EngineHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return ToResult(health.Condition, health.Detail);
    }

    /// <inheritdoc cref="ToResult(EngineHealth)"/>
    public static HealthCheckResult ToResult(EngineCondition condition, string detail) => condition switch
    {
        EngineCondition.Ready => HealthCheckResult.Healthy(detail),
        EngineCondition.Starting => HealthCheckResult.Unhealthy(detail, data: Starting),
        _ => HealthCheckResult.Unhealthy(detail, data: NotReady),
    };
}
