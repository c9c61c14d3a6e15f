namespace Reservations.Grains.Onboarding;

/// <summary>
/// An onboarding token's record. Expiry is decided by the clock on every call, so a link is dead at
/// the instant its 24 hours pass; the reminder only deletes the record once it is no longer worth
/// telling "expired" from "unknown".
/// </summary>
public sealed class OnboardingTokenGrain(
    [PersistentState("onboarding-token")] IPersistentState<OnboardingTokenState> token, TimeProvider time) : Grain, IOnboardingTokenGrain, IRemindable
{
    private const string ForgetReminder = "forget";

    private DateTimeOffset ForgetAt => token.State.ExpiresAt + OnboardingLinks.Remembered;

    async Task IOnboardingTokenGrain.StartAsync(long bookingId, DateTimeOffset expiresAt)
    {
        token.State = new OnboardingTokenState { BookingId = bookingId, ExpiresAt = expiresAt };
        await token.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ForgetReminder, ForgetAt - time.GetUtcNow(), TimeSpan.FromDays(1));
    }

    Task<TokenLookup> IOnboardingTokenGrain.ResolveAsync()
    {
        var state = token.State;
        var check = !token.RecordExists ? LinkCheck.Unknown
            : state.Revoked ? LinkCheck.Replaced
            : time.GetUtcNow() >= state.ExpiresAt ? LinkCheck.Expired
            : LinkCheck.Valid;
        return Task.FromResult(new TokenLookup(check, state.BookingId));
    }

    async Task IOnboardingTokenGrain.RevokeAsync()
    {
        if (!token.RecordExists || token.State.Revoked)
        {
            return;
        }

        token.State.Revoked = true;
        try
        {
            await token.WriteStateAsync();
        }
        catch
        {
            token.State.Revoked = false;
            throw;
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (token.RecordExists && time.GetUtcNow() < ForgetAt)
        {
            return;
        }

        await token.ClearStateAsync();
        if (await this.GetReminder(ForgetReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
