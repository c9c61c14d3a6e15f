namespace Reservations.Grains.Idempotency;

/// <summary>What claiming an Idempotency-Key found.</summary>
public enum IdempotencyClaimOutcome
{
    /// <summary>The key is the caller's: run the request, then complete the claim.</summary>
    Claimed,
    /// <summary>The same request ran before: send its <see cref="IdempotencyClaim.Answer"/>.</summary>
    Replay,
    /// <summary>The key was used for a different request.</summary>
    Mismatch,
    /// <summary>The first request with the key still runs, longer than a repeat waits for it.</summary>
    InProgress,
}

/// <summary>The outcome of <see cref="IIdempotencyGrain.ClaimAsync"/>; the answerless outcomes are shared instances.</summary>
[GenerateSerializer, Immutable, Alias("reservations.idempotency-claim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] IdempotencyClaimOutcome Outcome,
    [property: Id(1)] StoredAnswer? Answer = null)
{
    /// <summary>The key is the caller's.</summary>
    public static readonly IdempotencyClaim Claimed = new(IdempotencyClaimOutcome.Claimed);

    /// <summary>The key was used for a different request.</summary>
    public static readonly IdempotencyClaim Mismatch = new(IdempotencyClaimOutcome.Mismatch);

    /// <summary>The first request still runs.</summary>
    public static readonly IdempotencyClaim InProgress = new(IdempotencyClaimOutcome.InProgress);
}
