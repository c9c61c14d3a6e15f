using System.Collections.Immutable;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.TestSupport;

/// <summary>
/// A ledger whose writes (and, if given, queries) fail while their <see cref="Faults"/> say so; a failed
/// write reaches nothing, as if the process died between the seat's write and the ledger's.
/// </summary>
public sealed class FaultyLedger(IBookingLedger inner, Faults records, Faults? queries = null) : IBookingLedger
{
    public Task RecordAsync(Booking booking) => records.Take() is { } failure ? Task.FromException(failure) : inner.RecordAsync(booking);

    public Task<ImmutableHashSet<string>> FindBookedAsync(string appId, IReadOnlyCollection<string> seatIds) => inner.FindBookedAsync(appId, seatIds);

    public Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query) =>
        queries?.Take() is { } failure ? Task.FromException<ImmutableArray<Booking>>(failure) : inner.QueryAsync(query);
}
