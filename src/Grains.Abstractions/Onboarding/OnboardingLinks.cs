namespace Reservations.Grains.Onboarding;

/// <summary>The rules of onboarding links.</summary>
public static class OnboardingLinks
{
    /// <summary>How long a link is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>How long an expired or replaced token is remembered (answered 410, not 404) before a reminder deletes it.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(7);

    /// <summary>The grain key of a token: the hex SHA-256 of it, so the token itself is never stored.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(Secrets.Sha256(token));
}
