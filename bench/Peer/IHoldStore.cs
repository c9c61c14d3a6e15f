namespace Reservations.Peer;

/// <summary>The peer's one table: seats with their holder and the end of the hold.</summary>
internal interface IHoldStore : IAsyncDisposable
{
    Task CreateSchemaAsync();

    /// <summary>Inserts the seats (as free) under the prefix and returns their ids, in order.</summary>
    Task<IReadOnlyList<string>> SeedAsync(string prefix, IReadOnlyList<string> seatNumbers);

    /// <summary>One conditional UPDATE: true when the seat was free (or its hold had ended) and is now held.</summary>
    Task<bool> TryHoldAsync(string seatId, string holder, DateTimeOffset heldUntil);
}
