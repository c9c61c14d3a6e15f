using Reservations.Grains.Security;

namespace Reservations.Grains.Users;

/// <summary>An end user of one app (key: appId/normalised email). Passwords are kept as PBKDF2-SHA256 hashes.</summary>
[Alias("reservations.user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user; null when the email is taken.</summary>
    Task<UserView?> SignUpAsync(string email, string password, string name);

    /// <summary>
    /// The user if the password is right; wrong otherwise (unknown user included); locked, unchecked,
    /// after repeated failures (<see cref="LoginResult.LockedFor"/>).
    /// </summary>
    Task<LoginResult> LogInAsync(string password);

    /// <summary>
    /// Replaces the password if <paramref name="currentPassword"/> is right and the account is
    /// <paramref name="userId"/>'s; failures count towards the lock as a login's do.
    /// </summary>
    Task<LoginResult> ChangePasswordAsync(string userId, string currentPassword, string newPassword);
}
