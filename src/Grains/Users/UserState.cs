namespace Reservations.Grains.Users;

/// <summary>A user as stored: the password only as a PBKDF2 hash.</summary>
public sealed class UserState
{
    public string? UserId { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
