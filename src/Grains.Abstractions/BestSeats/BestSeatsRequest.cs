namespace Reservations.Grains.BestSeats;

/// <summary>
/// A request for the best <see cref="Count"/> seats: of <see cref="Category"/> and in <see cref="Section"/>
/// when set, every one accessible when <see cref="Accessible"/>; of the sales channel <see cref="Channel"/>
/// (the caller's key named it), or public seats when null.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.best-seats-request")]
public sealed record BestSeatsRequest(
    [property: Id(0)] int Count,
    [property: Id(1)] string? Category = null,
    [property: Id(2)] string? Section = null,
    [property: Id(3)] bool Accessible = false,
    [property: Id(4)] string? Channel = null);
