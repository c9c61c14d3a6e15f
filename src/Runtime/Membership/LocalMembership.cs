namespace Reservations.Runtime.Membership;

/// <summary>A cluster of one: the embedded default.</summary>
internal sealed class LocalMembership(TimeProvider timeProvider) : IClusterMembership
{
    public SiloAddress LocalSilo { get; } = new("local", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    public IReadOnlyList<SiloAddress> ActiveSilos => [LocalSilo];
}
