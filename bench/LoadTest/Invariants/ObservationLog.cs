using System.Collections.Concurrent;

namespace Reservations.LoadTest.Invariants;

/// <summary>What the scenarios saw, kept for the end-of-run checks (warm-up included: it shares the seats).</summary>
public sealed class ObservationLog
{
    private readonly ConcurrentQueue<GrantedHold> _holds = new();
    private readonly ConcurrentQueue<ConfirmAttempt> _confirms = new();

    public IReadOnlyCollection<GrantedHold> Holds => _holds;

    public IReadOnlyCollection<ConfirmAttempt> Confirms => _confirms;

    public void Add(GrantedHold hold) => _holds.Enqueue(hold);

    public void Add(ConfirmAttempt confirm) => _confirms.Enqueue(confirm);
}
