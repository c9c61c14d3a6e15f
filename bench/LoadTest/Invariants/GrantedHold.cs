namespace Reservations.LoadTest.Invariants;

/// <summary>
/// A hold the engine granted us. <paramref name="EndSentAt"/> is when we sent its release or confirm (null if we
/// never did); the server-side interval is [ExpiresAt − holdDuration, min(EndSentAt, ExpiresAt)]. A seat of a group
/// hold (<paramref name="OfGroup"/>) was granted some time after its group read the clock that set ExpiresAt, so its
/// start is taken as ReceivedAt instead: never earlier than the real grant, so no false overlap.
/// </summary>
public sealed record GrantedHold(string SeatId, DateTimeOffset ExpiresAt, DateTimeOffset ReceivedAt, DateTimeOffset? EndSentAt, bool OfGroup = false)
{
    public DateTimeOffset End => EndSentAt is { } sent && sent < ExpiresAt ? sent : ExpiresAt;

    public DateTimeOffset Start(TimeSpan holdDuration) => OfGroup ? ReceivedAt : ExpiresAt - holdDuration;
}
