namespace Reservations.Grains.Admin;

/// <summary>The operator account as stored: the password only as a PBKDF2 hash.</summary>
public sealed class AdminState
{
    public string? PasswordHash { get; set; }
}
