using Microsoft.Extensions.DependencyInjection;
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
        var reminder = await _cluster.Services.GetRequiredService<IReminderTable>().ReadRow(token.GetGrainId(), "forget");
        Assert.NotNull(reminder);

        _cluster.Clock.Advance(OnboardingLinks.Lifetime - TimeSpan.FromTicks(1));
        Assert.Equal(new TokenLookup(LinkCheck.Valid, 7), await token.ResolveAsync());
        _cluster.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new TokenLookup(LinkCheck.Expired, 7), await token.ResolveAsync());

        // Its tick, delivered as the reminder service would: Orleans only loads a reminder due in
        // 8 days into its schedule minutes before the tick, which a fake clock cannot wait for.
        var tick = new TickStatus(reminder.StartAt, reminder.Period, _cluster.Clock.GetUtcNow().UtcDateTime);
        await token.AsReference<IRemindable>().ReceiveReminder("forget", tick);
        Assert.True(await StoredAsync(token), "a tick before the week has passed forgets nothing");
        _cluster.Clock.Advance(OnboardingLinks.Remembered);
        await token.AsReference<IRemindable>().ReceiveReminder("forget", tick);
        Assert.False(await StoredAsync(token));
        Assert.Null(await _cluster.Services.GetRequiredService<IReminderTable>().ReadRow(token.GetGrainId(), "forget"));
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
