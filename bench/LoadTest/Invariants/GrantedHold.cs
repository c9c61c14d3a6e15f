namespace Reservations.LoadTest.Invariants;

/// <summary>
/// A hold the engine granted us. <paramref name="EndSentAt"/> is when we sent its release or confirm (null if we
/// never did); the server-side interval is [ExpiresAt − holdDuration, min(EndSentAt, ExpiresAt)].
/// </summary>
public sealed record GrantedHold(string SeatId, DateTimeOffset ExpiresAt, DateTimeOffset ReceivedAt, DateTimeOffset? EndSentAt)
{
    public DateTimeOffset End => EndSentAt is { } sent && sent < ExpiresAt ? sent : ExpiresAt;

    public DateTimeOffset Start(TimeSpan holdDuration) => ExpiresAt - holdDuration;
}
