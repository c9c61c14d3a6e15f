using System.Collections.Immutable;
using Reservations.Grains.Tenants;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Runtime;

namespace Reservations.Grains.Tests.Tenants;

public sealed class TenantGrainTests : OneSiloTests
{
    private static readonly TenantSettings Settings = new("Grand Cinema", TenantDomain.Movie, ["https://cinema.example"]);

    [Fact]
    public async Task Create_NewApp_ReturnsKeyWhoseHashIsStoredNeverTheKey()
    {
        var tenant = Grains.GetGrain<ITenantGrain>("APP-1");

        var key = await tenant.CreateAsync(Settings);

        Assert.StartsWith("sk_live_", key, StringComparison.Ordinal);
        Assert.True(key!.Length >= "sk_live_".Length + 43);
        var auth = await tenant.GetAuthAsync();
        Assert.Equal(Secrets.Sha256(key), auth!.KeyHash.ToArray());
        Assert.True(auth.Enabled);
        Assert.Equal(new[] { "https://cinema.example" }, auth.AllowedOrigins);
        var stored = await Storage.ReadAsync(new GrainId("tenant", "APP-1"), "tenant");
        Assert.DoesNotContain(key["sk_live_".Length..], stored!.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Twice_SecondReturnsNullAndKeepsKey()
    {
        var tenant = Grains.GetGrain<ITenantGrain>("APP-1");
        var key = await tenant.CreateAsync(Settings);

        Assert.Null(await tenant.CreateAsync(Settings with { Name = "Other" }));

        Assert.Equal(Secrets.Sha256(key!), (await tenant.GetAuthAsync())!.KeyHash.ToArray());
        Assert.Equal("Grand Cinema", (await tenant.GetAsync())!.Name);
    }

    [Fact]
    public async Task Create_SeveralApps_RegistryListsThemOnceInOrder()
    {
        await Grains.GetGrain<ITenantGrain>("APP-b").CreateAsync(Settings);
        await Grains.GetGrain<ITenantGrain>("APP-a").CreateAsync(Settings);
        await Grains.GetGrain<ITenantGrain>("APP-b").CreateAsync(Settings);

        var apps = await Grains.GetGrain<ITenantRegistryGrain>(ITenantRegistryGrain.Key).ListAsync();

        Assert.Equal(new[] { "APP-b", "APP-a" }, apps);
    }

    [Fact]
    public async Task RotateKey_Existing_OldHashGoneNewHashStored()
    {
        var tenant = Grains.GetGrain<ITenantGrain>("APP-1");
        var oldKey = await tenant.CreateAsync(Settings);

        var newKey = await tenant.RotateKeyAsync();

        Assert.NotEqual(oldKey, newKey);
        var auth = await tenant.GetAuthAsync();
        Assert.Equal(Secrets.Sha256(newKey!), auth!.KeyHash.ToArray());
        Assert.False(Secrets.Matches(oldKey!, auth.KeyHash.AsSpan()));
    }

    [Fact]
    public async Task Update_PartialChangesAndDisable_AppliesOnlyWhatIsSet()
    {
        var tenant = Grains.GetGrain<ITenantGrain>("APP-1");
        await tenant.CreateAsync(Settings);

        var renamed = await tenant.UpdateAsync(new TenantUpdate(Name: "Cinema Two"));
        var disabled = await tenant.UpdateAsync(new TenantUpdate(Enabled: false, AllowedOrigins: ImmutableArray.Create("https://two.example")));

        Assert.Equal("Cinema Two", renamed!.Name);
        Assert.Equal(new[] { "https://cinema.example" }, renamed.AllowedOrigins);
        Assert.True(renamed.Enabled);
        Assert.Equal("Cinema Two", disabled!.Name);
        Assert.False(disabled.Enabled);
        Assert.Equal(new[] { "https://two.example" }, disabled.AllowedOrigins);
        Assert.False((await tenant.GetAuthAsync())!.Enabled);
        Assert.Equal(TenantDomain.Movie, (await tenant.GetAsync())!.Domain);
    }

    [Fact]
    public async Task UnknownApp_EveryOperation_ReturnsNullAndCreatesNothing()
    {
        var tenant = Grains.GetGrain<ITenantGrain>("APP-none");

        Assert.Null(await tenant.GetAsync());
        Assert.Null(await tenant.GetAuthAsync());
        Assert.Null(await tenant.UpdateAsync(new TenantUpdate(Name: "x")));
        Assert.Null(await tenant.RotateKeyAsync());
        await tenant.RecordUsageAsync(new TenantUsage(1, 0, 0, 0, 0, 0));

        Assert.Null(await Storage.ReadAsync(new GrainId("tenant", "APP-none"), "tenant"));
    }

    [Fact]
    public async Task RecordUsage_TwoDeltas_AddedAndPersisted()
    {
        var tenant = Grains.GetGrain<ITenantGrain>("APP-1");
        await tenant.CreateAsync(Settings);

        await tenant.RecordUsageAsync(new TenantUsage(1, 2, 3, 4, 5, 6));
        await tenant.RecordUsageAsync(new TenantUsage(10, 0, 0, 0, 0, 1));

        Assert.Equal(new TenantUsage(11, 2, 3, 4, 5, 7), (await tenant.GetAsync())!.Usage);
        var stored = await Storage.ReadAsync(new GrainId("tenant", "APP-1"), "tenant");
        Assert.Contains("\"Requests\":11", stored!.Json, StringComparison.Ordinal);
    }
}
