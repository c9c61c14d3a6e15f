namespace Reservations.Grains.Idempotency;

/// <summary>An Idempotency-Key's stored answer and the fingerprint of the request that got it.</summary>
[GenerateSerializer, Alias("reservations.idempotency-state")]
public sealed class IdempotencyState
{
    [Id(0)]
    public string? Fingerprint { get; set; }

    [Id(1)]
    public StoredAnswer? Answer { get; set; }
}
