namespace Reservations.Runtime;

/// <summary>A silo incarnation: where it listens and which start of that endpoint it is.</summary>
/// <param name="Endpoint">Its internal address, such as "http://10.0.0.5:11111"; "local" for a lone silo.</param>
/// <param name="Generation">Distinguishes restarts of the same endpoint.</param>
public sealed record SiloAddress(string Endpoint, long Generation)
{
    /// <inheritdoc />
    public override string ToString() => $"{Endpoint}@{Generation}";
}
