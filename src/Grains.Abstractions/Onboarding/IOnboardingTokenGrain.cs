namespace Reservations.Grains.Onboarding;

/// <summary>
/// An onboarding link's token (key: the hex SHA-256 of the token; the token itself is never stored):
/// which request it opens and until when. Expiry holds at the instant it passes; a reminder deletes
/// the record a week later, until then an expired token is told apart from an unknown one.
/// </summary>
[Alias("reservations.onboarding-token")]
public interface IOnboardingTokenGrain : IGrainWithStringKey
{
    /// <summary>Records the link.</summary>
    Task StartAsync(long bookingId, DateTimeOffset expiresAt);

    /// <summary>The request the token opens, or why it opens none.</summary>
    Task<TokenLookup> ResolveAsync();

    /// <summary>Kills the link (a newer one was sent).</summary>
    Task RevokeAsync();
}
