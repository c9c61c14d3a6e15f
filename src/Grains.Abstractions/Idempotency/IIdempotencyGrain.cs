namespace Reservations.Grains.Idempotency;

/// <summary>
/// One Idempotency-Key of one caller (key: the caller's scope, then a keyed hash of the key; the key
/// itself is never sent here). The first request with the key claims it and runs; a repeat with the
/// same request fingerprint gets the stored answer for <see cref="StoredAnswer.Lifetime"/>, one with another
/// fingerprint is refused, and a repeat while the first still runs waits for its answer.
/// </summary>
[Alias("reservations.idempotency")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request, or says what the first request with it got.</summary>
    Task<IdempotencyClaim> ClaimAsync(string fingerprint);

    /// <summary>
    /// Ends the claim of the request with <paramref name="fingerprint"/>: keeps its answer durably, or
    /// with null keeps nothing and frees the key (a failure worth retrying), and wakes the repeats that wait.
    /// </summary>
    Task CompleteAsync(string fingerprint, StoredAnswer? answer);
}
