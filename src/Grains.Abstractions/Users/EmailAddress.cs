namespace Reservations.Grains.Users;

/// <summary>The one normalisation of emails used in user keys.</summary>
public static class EmailAddress
{
    /// <summary>Trimmed and lower-cased.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
