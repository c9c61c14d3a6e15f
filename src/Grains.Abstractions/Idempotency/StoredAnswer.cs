namespace Reservations.Grains.Idempotency;

/// <summary>
/// An HTTP answer kept for replay: its status, content type and location, and its body sealed by the
/// API (AES-GCM under a key derived from the Idempotency-Key and the server's secret), so the store
/// never holds the tokens or keys an answer may carry in plain text.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.stored-answer")]
public sealed record StoredAnswer(
    [property: Id(0)] int Status,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] string? Location,
    [property: Id(3)] byte[] SealedBody,
    [property: Id(4)] DateTimeOffset StoredAt)
{
    /// <summary>How long a stored answer is replayed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
}
