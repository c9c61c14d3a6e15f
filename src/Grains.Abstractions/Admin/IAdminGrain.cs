using Reservations.Grains.Security;

namespace Reservations.Grains.Admin;

/// <summary>The operator account (key: the admin username), kept as a PBKDF2-SHA256 hash.</summary>
[Alias("reservations.admin")]
public interface IAdminGrain : IGrainWithStringKey
{
    /// <summary>Sets the password if the account has none yet (first start); true if it set it.</summary>
    Task<bool> EnsureCreatedAsync(string password);

    /// <summary>Replaces the password (when configuration supplies one); a different one revokes the account's sessions.</summary>
    Task SetPasswordAsync(string password);

    /// <summary>Whether the password is right; locked, unchecked, after repeated failures.</summary>
    Task<LoginResult> VerifyAsync(string password);
}
