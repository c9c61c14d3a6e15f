using Microsoft.Extensions.Options;
using Reservations.Api.Security;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Limits;

/// <summary>An app's abuse limits: its own, else the engine's; read from the cache that authenticated the request.</summary>
internal sealed class AppLimits(TenantAuthCache tenants, IOptions<LimitsOptions> options)
{
    private readonly AbuseLimits _engine = options.Value.ToLimits();

    public async ValueTask<AbuseLimits> ForAsync(string appId) => (await tenants.GetAsync(appId))?.Limits ?? _engine;
}
