using System.Collections.Immutable;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Groups;

/// <summary>The answer to a group release: how it ended and, when released, the seats freed.</summary>
[GenerateSerializer, Immutable, Alias("reservations.group-release-result")]
public sealed record GroupReleaseResult(
    [property: Id(0)] ReleaseOutcome Outcome,
    [property: Id(1)] ImmutableArray<string> SeatIds);
