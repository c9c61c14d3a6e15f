using System.Collections.Immutable;
using Orleans.Concurrency;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Bookings;

/// <summary>Reads the ledger on whichever silo takes the call; holds no state.</summary>
[StatelessWorker]
public sealed class BookingsGrain(IBookingLedger ledger) : Grain, IBookingsGrain
{
    Task<ImmutableArray<Booking>> IBookingsGrain.QueryAsync(BookingQuery query) => ledger.QueryAsync(query);
}
