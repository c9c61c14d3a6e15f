using System.Collections.Concurrent;
using Reservations.Grains.Usage;

namespace Reservations.Grains.Seats;

/// <summary>
/// The seats active in this silo that have refused a hold, each with the instant until which it
/// refuses every hold: its hold's end, or forever once booked. An API in the same process answers a
/// hold on such a seat with no grain call, so the losers on a hot seat cost no message and no
/// thread-pool hop (docs/decisions.md). A seat clears its entry before every write and sets it only
/// once the write is stored, so a refusal read here was true at the moment it was read: it never
/// refuses a hold the seat would grant. Entries go when their seats are deactivated.
/// </summary>
public sealed class SeatRefusals
{
    private readonly ConcurrentDictionary<string, Window> _seats = new(StringComparer.Ordinal);

    /// <summary>True, and the refusal counted in the app's usage, if the seat (by its grain key) refuses every hold now.</summary>
    public bool TryRefuse(string seatKey, DateTimeOffset now)
    {
        if (!_seats.TryGetValue(seatKey, out var window) || !window.Refuses(now.UtcTicks))
        {
            return false;
        }

        window.Usage.CountHoldRefused();
        return true;
    }

    internal Window Open(string seatKey, UsageCounters usage)
    {
        var window = new Window(usage);
        _seats[seatKey] = window; // an earlier activation's entry, if any, is left to its own Close
        return window;
    }

    internal void Close(string seatKey, Window window)
    {
        window.RefuseUntil(0);
        _seats.TryRemove(KeyValuePair.Create(seatKey, window));
    }

    internal sealed class Window(UsageCounters usage)
    {
        private long _refusesUntilTicks;

        public UsageCounters Usage { get; } = usage;

        public bool Refuses(long nowTicks) => nowTicks < Volatile.Read(ref _refusesUntilTicks);

        public void RefuseUntil(long ticks) => Volatile.Write(ref _refusesUntilTicks, ticks);
    }
}
