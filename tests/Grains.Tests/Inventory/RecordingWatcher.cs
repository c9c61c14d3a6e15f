using System.Threading.Channels;
using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Tests.Inventory;

/// <summary>A seat-map watcher that keeps what the pages tell it, in order of arrival.</summary>
internal sealed class RecordingWatcher : ISeatMapObserver
{
    private readonly Channel<(string SeatId, SeatChange Change)> _heard = Channel.CreateUnbounded<(string, SeatChange)>();

    public Task SeatChangedAsync(string seatId, SeatChange change)
    {
        _heard.Writer.TryWrite((seatId, change));
        return Task.CompletedTask;
    }

    public async Task<(string SeatId, SeatChange Change)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _heard.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out (string SeatId, SeatChange Change) heard) => _heard.Reader.TryRead(out heard);
}
