namespace Reservations.Grains.Users;

/// <summary>A user as stored: the password only as a PBKDF2 hash.</summary>
[GenerateSerializer, Alias("reservations.user-state")]
public sealed class UserState
{
    [Id(0)]
    public string? UserId { get; set; }

    [Id(1)]
    public string Email { get; set; } = "";

    [Id(2)]
    public string Name { get; set; } = "";

    [Id(3)]
    public string PasswordHash { get; set; } = "";

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }
}
