namespace Reservations.Grains.Sessions;

/// <summary>An account's session version as stored; written only when its sessions are revoked.</summary>
[GenerateSerializer, Alias("reservations.sessions-state")]
public sealed class SessionsState
{
    [Id(0)]
    public int Version { get; set; }
}
