using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reservations.Api.Security;
using Reservations.Api.Tests.Infrastructure;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Tests;

/// <summary>Issue 11 item 3: requests naming an app id that does not exist are refused without reaching a grain each time.</summary>
public abstract class UnknownAppApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : UnknownAppFixture
{
    [Fact]
    public async Task UnknownAppId_AThousandRequests_OneGrainCall_ThenOneMorePerMinute()
    {
        const string appId = "APP-NONE-NONE-0001";
        var client = fixture.Tenant(new TestApp(appId, "sk_live_whatever"));
        var tenant = fixture.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(appId).GetGrainId();

        for (var i = 0; i < 1000; i++)
        {
            using var response = await client.GetAsync("/seats?entityId=e1");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        }

        Assert.Equal(1, fixture.Calls.CallsTo(tenant, nameof(ITenantGrain.GetAuthAsync)));
        fixture.CacheClock.Advance(TenantAuthCache.UnknownTimeToLive);
        await (await client.GetAsync("/seats?entityId=e1")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        Assert.Equal(2, fixture.Calls.CallsTo(tenant, nameof(ITenantGrain.GetAuthAsync)));
    }

    [Fact]
    public async Task KnownApp_StillAuthenticates_AfterAFloodOfUnknownIds()
    {
        var client = fixture.Tenant(fixture.AppA);
        for (var i = 0; i < 200; i++)
        {
            using var unknown = await fixture.Tenant(new TestApp($"APP-NONE-NONE-{i:D4}", "sk_live_whatever")).GetAsync("/seats?entityId=e1");
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        var tenant = fixture.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(fixture.AppA.AppId).GetGrainId();
        var before = fixture.Calls.CallsTo(tenant, nameof(ITenantGrain.GetAuthAsync));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seats?entityId=e1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seats?entityId=e1")).StatusCode);
        Assert.True(fixture.Calls.CallsTo(tenant, nameof(ITenantGrain.GetAuthAsync)) - before <= 1);
    }
}

/// <summary>An engine whose grain calls are counted and whose auth cache runs on a clock of its own.</summary>
public abstract class UnknownAppFixture(EngineStorage storage) : ApiFixture(storage)
{
    public GrainCallCounter Calls { get; } = new();

    public FakeTimeProvider CacheClock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IIncomingGrainCallFilter>(Calls);
        services.AddKeyedSingleton<TimeProvider>(TenantAuthCache.ClockKey, CacheClock);
    }
}

public sealed class SqliteUnknownAppFixture() : UnknownAppFixture(new SqliteEngineStorage());

public sealed class PostgresUnknownAppFixture() : UnknownAppFixture(new PostgresEngineStorage());

public sealed class SqliteUnknownAppApiTests(SqliteUnknownAppFixture fixture) : UnknownAppApiTests<SqliteUnknownAppFixture>(fixture);

public sealed class PostgresUnknownAppApiTests(PostgresUnknownAppFixture fixture) : UnknownAppApiTests<PostgresUnknownAppFixture>(fixture);
