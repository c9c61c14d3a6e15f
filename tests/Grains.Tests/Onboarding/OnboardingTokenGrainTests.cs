using Reservations.Grains.Onboarding;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Onboarding;

/// <summary>An onboarding token's record: dead at the instant its 24 hours pass, deleted by its reminder a week later.</summary>
public sealed class OnboardingTokenGrainTests : IAsyncLifetime
{
    private GrainsCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GrainsCluster.StartAsync(TestStore.Memory());

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _cluster.Store.DisposeAsync();
    }

    private async Task<bool> StoredAsync(IOnboardingTokenGrain token)
    {
        var state = new GrainState<OnboardingTokenState>();
        await _cluster.Storage.ReadStateAsync("onboarding-token", token.GetGrainId(), state);
        return state.RecordExists;
    }

    [Fact]
    public async Task Token_ValidUntilTheInstantItExpires_ThenRemembered_ThenForgottenByItsReminder()
    {
        var token = _cluster.Grains.GetGrain<IOnboardingTokenGrain>(OnboardingLinks.HashOf(Secrets.NewToken(32)));
        var expiresAt = _cluster.Clock.GetUtcNow() + OnboardingLinks.Lifetime;
        await token.StartAsync(7, expiresAt);

        _cluster.Clock.Advance(OnboardingLinks.Lifetime - TimeSpan.FromTicks(1));
        Assert.Equal(new TokenLookup(LinkCheck.Valid, 7), await token.ResolveAsync());
        _cluster.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new TokenLookup(LinkCheck.Expired, 7), await token.ResolveAsync());

        // The reminder service loads a reminder from its table only in the 10 minutes before its tick,
        // at refreshes every 5 minutes: the clock moves on a minute at a time until one has.
        _cluster.Clock.Advance(OnboardingLinks.Remembered);
        Assert.True(await StoredAsync(token));
        await Eventually.ReturnsAsync(
            async () =>
            {
                _cluster.Clock.Advance(TimeSpan.FromMinutes(1));
                return await StoredAsync(token);
            },
            stored => !stored,
            "the reminder to delete the token's record");
        Assert.Equal(LinkCheck.Unknown, (await token.ResolveAsync()).Check);
    }

    [Fact]
    public async Task Token_Revoked_IsReplacedAtOnce()
    {
        var token = _cluster.Grains.GetGrain<IOnboardingTokenGrain>(OnboardingLinks.HashOf(Secrets.NewToken(32)));
        await token.StartAsync(8, _cluster.Clock.GetUtcNow() + OnboardingLinks.Lifetime);

        await token.RevokeAsync();

        Assert.Equal(new TokenLookup(LinkCheck.Replaced, 8), await token.ResolveAsync());
        Assert.True(await StoredAsync(token));
    }

    [Fact]
    public void HashOf_IsTheHexSha256_SoTheKeyNeverHoldsTheToken()
    {
        var token = Secrets.NewToken(32);
        var hash = OnboardingLinks.HashOf(token);
        Assert.Equal(64, hash.Length);
        Assert.Equal(Convert.ToHexStringLower(Secrets.Sha256(token)), hash);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
    }
}
