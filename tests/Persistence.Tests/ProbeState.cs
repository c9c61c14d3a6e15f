namespace Reservations.Persistence.Tests;

/// <summary>A grain state to store: a number and a list, enough to see a round trip.</summary>
[GenerateSerializer, Alias("persistence-tests.probe-state")]
public sealed class ProbeState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public List<string> Items { get; set; } = [];
}
