using System.Collections.Concurrent;
using System.Collections.Immutable;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>The ledger's contract in memory, for grain rule tests on Orleans' memory storage.</summary>
public sealed class InMemoryBookingLedger : IBookingLedger
{
    private readonly ConcurrentDictionary<(string AppId, string SeatId), Booking> _bookings = new();

    public Task RecordAsync(Booking booking)
    {
        var stored = _bookings.GetOrAdd((booking.AppId, booking.SeatId), booking);
        return stored.BookingId == booking.BookingId ? Task.CompletedTask : throw new LedgerConflictException(booking.AppId, booking.SeatId);
    }

    public Task<ImmutableHashSet<string>> FindBookedAsync(string appId, IReadOnlyCollection<string> seatIds) =>
        Task.FromResult(seatIds.Where(seatId => _bookings.ContainsKey((appId, seatId))).ToImmutableHashSet(StringComparer.Ordinal));

    public Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query) => Task.FromResult(_bookings.Values
        .Where(b => (query.AppId is null || b.AppId == query.AppId) && (query.UserId is null || b.UserId == query.UserId))
        .Where(b => query.EntityId is null || b.EntityId == query.EntityId)
        .Where(b => (query.From is null || b.BookedAt >= query.From) && (query.To is null || b.BookedAt < query.To))
        .Where(b => query.After is not { } after || b.BookedAt < after.BookedAt
            || (b.BookedAt == after.BookedAt && (string.CompareOrdinal(b.AppId, after.AppId) > 0
                || (b.AppId == after.AppId && string.CompareOrdinal(b.SeatId, after.SeatId) > 0))))
        .OrderByDescending(b => b.BookedAt).ThenBy(b => b.AppId, StringComparer.Ordinal).ThenBy(b => b.SeatId, StringComparer.Ordinal)
        .Take(query.Limit)
        .ToImmutableArray());
}
