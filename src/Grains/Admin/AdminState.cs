namespace Reservations.Grains.Admin;

/// <summary>The operator account as stored: the password only as a PBKDF2 hash.</summary>
[GenerateSerializer, Alias("reservations.admin-state")]
public sealed class AdminState
{
    [Id(0)]
    public string? PasswordHash { get; set; }
}
