using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Reservations.TestSupport;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>
/// An engine for the onboarding tests: form limits high enough that the tests' own posts never meet
/// them (the limits have a class of their own), e-mail kept in the outbox, and tenant writes that a
/// test can make fail to interrupt an activation.
/// </summary>
public abstract class OnboardingFixture(EngineStorage storage) : ApiFixture(storage)
{
    public Faults TenantWrites { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Onboarding:FormPermitsPerAddress"] = "10000",
        ["Onboarding:FormPermitsPerEmail"] = "10000",
        ["Onboarding:PublicBaseUrl"] = "https://onboarding.example",
        // Tests move the clock past a link's 24 hours; the admin's token must outlive that.
        ["Jwt:Lifetime"] = "30.00:00:00",
        ["Jwt:AdminLifetime"] = "30.00:00:00",
        // No usage flush writes tenant state while a test makes tenant writes fail.
        ["Reservations:UsageFlushPeriod"] = "01:00:00",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Decorate<IGrainStorage>(inner => new FailingGrainStorage(inner, "tenant", TenantWrites), ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
}

public sealed class SqliteOnboardingFixture() : OnboardingFixture(new SqliteEngineStorage());

public sealed class PostgresOnboardingFixture() : OnboardingFixture(new PostgresEngineStorage());
