using System.Collections.Immutable;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>Delegates to another ledger and counts the calls that reach it, and the bookings recorded.</summary>
internal sealed class CountingLedger(IBookingLedger inner) : IBookingLedger
{
    private int _calls;
    private int _records;

    public int Calls => Volatile.Read(ref _calls);

    public int Records => Volatile.Read(ref _records);

    public Task RecordAsync(Booking booking)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Increment(ref _records);
        return inner.RecordAsync(booking);
    }

    public Task<ImmutableHashSet<string>> FindBookedAsync(string appId, IReadOnlyCollection<string> seatIds)
    {
        Interlocked.Increment(ref _calls);
        return inner.FindBookedAsync(appId, seatIds);
    }

    public Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query)
    {
        Interlocked.Increment(ref _calls);
        return inner.QueryAsync(query);
    }
}
