namespace Reservations.Grains.Users;

/// <summary>An end user of one app (key: appId/normalised email). Passwords are kept as PBKDF2-SHA256 hashes.</summary>
[Alias("reservations.user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user; null when the email is taken.</summary>
    Task<UserView?> SignUpAsync(string email, string password, string name);

    /// <summary>The user if the password is right; null otherwise (unknown user included).</summary>
    Task<UserView?> LogInAsync(string password);
}
