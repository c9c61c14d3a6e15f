using Orleans.Providers;
using Orleans.Storage;
using Reservations.Grains.Tenants;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Tenants;

public sealed class TenantGrainTests : IAsyncLifetime
{
    private static readonly TenantSettings Settings = new("Grand Cinema", TenantDomain.Movie, ["https://cinema.example"]);

    private readonly Faults _tenantWrites = new();
    private GrainsCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Grains;

    public async Task InitializeAsync() => _cluster = await GrainsCluster.StartAsync(TestStore.Memory(), configure: services =>
        services.Decorate<IGrainStorage>(inner => new FailingGrainStorage(inner, "tenant", _tenantWrites), ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _cluster.Store.DisposeAsync();
    }

    private static string NewAppId() => "APP-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<TenantState?> StoredAsync(string appId)
    {
        var state = new GrainState<TenantState>();
        await _cluster.Storage.ReadStateAsync("tenant", Grains.GetGrain<ITenantGrain>(appId).GetGrainId(), state);
        return state.RecordExists ? state.State : null;
    }

    [Fact]
    public async Task Create_NewApp_ReturnsAKeyWhoseHashIsStoredNeverTheKey()
    {
        var appId = NewAppId();

        var key = await Grains.GetGrain<ITenantGrain>(appId).CreateAsync(Settings);

        Assert.StartsWith("sk_live_", key, StringComparison.Ordinal);
        Assert.True(key!.Length >= "sk_live_".Length + 43);
        var auth = await Grains.GetGrain<ITenantGrain>(appId).GetAuthAsync();
        Assert.Equal(Secrets.Sha256(key), auth!.KeyHash.ToArray());
        Assert.True(auth.Enabled);
        Assert.Equal(["https://cinema.example"], auth.AllowedOrigins.ToArray());
        Assert.Equal(Secrets.Sha256(key), (await StoredAsync(appId))!.KeyHash);
    }

    [Fact]
    public async Task Create_Twice_SecondReturnsNullAndKeepsTheFirst()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(NewAppId());
        var key = await tenant.CreateAsync(Settings);

        Assert.Null(await tenant.CreateAsync(Settings with { Name = "Other" }));

        Assert.Equal(Secrets.Sha256(key!), (await tenant.GetAuthAsync())!.KeyHash.ToArray());
        Assert.Equal("Grand Cinema", (await tenant.GetAsync())!.Name);
    }

    [Fact]
    public async Task Create_SeveralApps_RegistryListsEachOnceInOrder()
    {
        var (b, a) = (NewAppId(), NewAppId());
        await Grains.GetGrain<ITenantGrain>(b).CreateAsync(Settings);
        await Grains.GetGrain<ITenantGrain>(a).CreateAsync(Settings);
        await Grains.GetGrain<ITenantGrain>(b).CreateAsync(Settings);

        var apps = await Grains.GetGrain<ITenantRegistryGrain>(ITenantRegistryGrain.Key).ListAsync();

        Assert.Equal([b, a], apps.Where(id => id == a || id == b));
    }

    [Fact]
    public async Task Create_WriteFails_NoHalfCreatedAppAndARetryCreatesIt()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(NewAppId());
        _tenantWrites.FailNext(1);

        var outage = await Assert.ThrowsAsync<OrleansException>(() => tenant.CreateAsync(Settings));
        Assert.IsType<IOException>(outage.InnerException);

        Assert.Null(await tenant.GetAsync());
        Assert.Null(await tenant.GetAuthAsync());
        Assert.Null(await StoredAsync(tenant.GetPrimaryKeyString()));
        var key = await tenant.CreateAsync(Settings);
        Assert.NotNull(key);
        Assert.Equal(Secrets.Sha256(key), (await tenant.GetAuthAsync())!.KeyHash.ToArray());
        Assert.Single(await Grains.GetGrain<ITenantRegistryGrain>(ITenantRegistryGrain.Key).ListAsync(), id => id == tenant.GetPrimaryKeyString());
    }

    [Fact]
    public async Task RotateKey_OldKeyNoLongerMatches()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(NewAppId());
        var oldKey = await tenant.CreateAsync(Settings);

        var newKey = await tenant.RotateKeyAsync();

        Assert.NotEqual(oldKey, newKey);
        var auth = await tenant.GetAuthAsync();
        Assert.Equal(Secrets.Sha256(newKey!), auth!.KeyHash.ToArray());
        Assert.False(Secrets.Matches(oldKey!, auth.KeyHash.AsSpan()));
    }

    [Fact]
    public async Task Rotate_EachCredential_ReplacesOnlyItsOwn_StoredAsHashOrVersionOnly()
    {
        var appId = NewAppId();
        var tenant = Grains.GetGrain<ITenantGrain>(appId);
        var key = await tenant.CreateAsync(Settings);
        Assert.True((await tenant.GetAuthAsync())!.PublishableKeyHash.IsEmpty);

        var publishable = await tenant.RotateAsync(AppCredential.PublishableKey);
        var secret = await tenant.RotateAsync(AppCredential.SecretKey);
        var signing = await tenant.RotateAsync(AppCredential.SigningSecret);
        var newSecret = await tenant.RotateAsync(AppCredential.SecretKey);

        Assert.StartsWith("pk_live_", publishable, StringComparison.Ordinal);
        Assert.StartsWith("sk_server_", newSecret, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", signing, StringComparison.Ordinal);
        var auth = (await tenant.GetAuthAsync())!;
        Assert.Equal(Secrets.Sha256(key!), auth.KeyHash.ToArray());
        Assert.Equal(Secrets.Sha256(publishable!), auth.PublishableKeyHash.ToArray());
        Assert.Equal(Secrets.Sha256(newSecret!), auth.SecretKeyHash.ToArray());
        Assert.False(Secrets.Matches(secret!, auth.SecretKeyHash.AsSpan()));
        var stored = (await StoredAsync(appId))!;
        Assert.Equal(1, stored.SigningSecretVersion);
        Assert.Equal(Secrets.Sha256(publishable!), stored.PublishableKeyHash);
        var view = (await tenant.GetAsync())!;
        Assert.True(view.HasPublishableKey && view.HasSecretKey && view.HasSigningSecret);
    }

    [Fact]
    public async Task VerifyPaymentNotification_TheCurrentSigningSecretOnly()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(NewAppId());
        await tenant.CreateAsync(Settings);
        const string body = "{\"reservationToken\":\"e:1.x\",\"paymentId\":\"p\"}";
        PaymentNotificationSignature Signed(string secret) => new("evt_1", 1_800_000_000, body, Webhooks.WebhookSigner.Sign(secret, "evt_1", 1_800_000_000, body));

        Assert.False(await tenant.VerifyPaymentNotificationAsync(Signed("whsec_" + Convert.ToBase64String(new byte[32])))); // none issued yet
        var first = (await tenant.RotateAsync(AppCredential.SigningSecret))!;
        Assert.True(await tenant.VerifyPaymentNotificationAsync(Signed(first)));
        Assert.False(await tenant.VerifyPaymentNotificationAsync(Signed(first) with { Body = body + " " }));
        Assert.False(await tenant.VerifyPaymentNotificationAsync(Signed(first) with { Timestamp = 1_800_000_001 }));
        Assert.False(await tenant.VerifyPaymentNotificationAsync(Signed(first) with { NotificationId = "evt_2" }));

        var second = (await tenant.RotateAsync(AppCredential.SigningSecret))!;
        Assert.False(await tenant.VerifyPaymentNotificationAsync(Signed(first)));
        Assert.True(await tenant.VerifyPaymentNotificationAsync(Signed(second)));
        Assert.True(await tenant.VerifyPaymentNotificationAsync(Signed(first) with { Signature = $"{Signed(first).Signature} {Signed(second).Signature}" }));
    }

    [Fact]
    public async Task Update_PartialChangesAndDisable_AppliesOnlyWhatIsSet()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(NewAppId());
        await tenant.CreateAsync(Settings);

        var renamed = await tenant.UpdateAsync(new TenantUpdate(Name: "Cinema Two"));
        var disabled = await tenant.UpdateAsync(new TenantUpdate(Enabled: false, AllowedOrigins: ["https://two.example"]));

        Assert.Equal("Cinema Two", renamed!.Name);
        Assert.Equal(["https://cinema.example"], renamed.AllowedOrigins.ToArray());
        Assert.True(renamed.Enabled);
        Assert.Equal("Cinema Two", disabled!.Name);
        Assert.False(disabled.Enabled);
        Assert.Equal(["https://two.example"], disabled.AllowedOrigins.ToArray());
        Assert.False((await tenant.GetAuthAsync())!.Enabled);
        Assert.Equal(TenantDomain.Movie, (await tenant.GetAsync())!.Domain);
    }

    [Fact]
    public async Task UnknownApp_EveryOperation_ReturnsNullAndCreatesNothing()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(NewAppId());

        Assert.Null(await tenant.GetAsync());
        Assert.Null(await tenant.GetAuthAsync());
        Assert.Null(await tenant.UpdateAsync(new TenantUpdate(Name: "x")));
        Assert.Null(await tenant.RotateKeyAsync());
        Assert.Null(await tenant.RotateAsync(AppCredential.SecretKey));
        Assert.False(await tenant.VerifyPaymentNotificationAsync(new PaymentNotificationSignature("evt", 0, "{}", "v1,x")));
        await tenant.RecordUsageAsync(new TenantUsage(1, 0, 0, 0, 0, 0));

        Assert.Null(await StoredAsync(tenant.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task RecordUsage_TwoDeltas_AddedAndStored()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(NewAppId());
        await tenant.CreateAsync(Settings);

        await tenant.RecordUsageAsync(new TenantUsage(1, 2, 3, 4, 5, 6));
        await tenant.RecordUsageAsync(new TenantUsage(10, 0, 0, 0, 0, 1));

        Assert.Equal(new TenantUsage(11, 2, 3, 4, 5, 7), (await tenant.GetAsync())!.Usage);
        Assert.Equal(new TenantUsage(11, 2, 3, 4, 5, 7), (await StoredAsync(tenant.GetPrimaryKeyString()))!.Usage);
    }
}
