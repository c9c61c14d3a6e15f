using System.Threading.Channels;
using Reservations.Grains.Seats;

namespace Reservations.Api.SeatMap;

/// <summary>
/// What waits for one SSE client: the latest change of each seat not yet sent, so a slow client costs at
/// most one entry per seat and the feed never waits for it. Past <see cref="SeatMapOptions.ClientBuffer"/>
/// seats it is cut off instead (<see cref="Overflowed"/>).
/// </summary>
internal sealed class SeatMapClient(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private Dictionary<string, SeatChange> _pending = [];

    public bool Overflowed { get; private set; }

    public void Offer(string seatId, SeatChange change)
    {
        lock (_gate)
        {
            if (Overflowed)
            {
                return;
            }

            _pending[seatId] = change;
            if (_pending.Count > capacity)
            {
                Overflowed = true;
                _pending.Clear();
            }
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Wakes the writer with nothing to send (its keep-alive timer).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    public async ValueTask<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var woken = await _wake.Reader.WaitToReadAsync(cancellationToken);
        _wake.Reader.TryRead(out _);
        return woken;
    }

    /// <summary>The changes waiting; <paramref name="spare"/>, emptied, takes their place.</summary>
    public Dictionary<string, SeatChange> Take(Dictionary<string, SeatChange> spare)
    {
        spare.Clear();
        lock (_gate)
        {
            (var taken, _pending) = (_pending, spare);
            return taken;
        }
    }
}
