using Microsoft.Extensions.DependencyInjection;

namespace Reservations.Silo.Observability;

/// <summary>Registers readiness checks for GET /health/ready.</summary>
public static class ReadinessCheckExtensions
{
    /// <summary>A readiness probe waits no longer than this; past it, the check is unhealthy (<c>not_ready</c>).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Adds <typeparamref name="TCheck"/> under <paramref name="name"/>, tagged for GET /health/ready, with <see cref="Timeout"/>.</summary>
    public static IHealthChecksBuilder AddReadinessCheck<TCheck>(this IHealthChecksBuilder checks, string name)
        where TCheck : class, Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck =>
        checks.AddCheck<TCheck>(name, tags: [HealthEndpoints.ReadyTag], timeout: Timeout);

    /// <summary>The silo's own readiness: active in its cluster, storage answering.</summary>
    public static IHealthChecksBuilder AddSiloReadiness(this IHealthChecksBuilder checks) => checks.AddReadinessCheck<SiloReadinessCheck>("silo");
}
