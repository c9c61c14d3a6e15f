using System.Collections.Immutable;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Bookings;

/// <summary>Reads the booking ledger for the API (a stateless worker: any silo answers; use key 0).</summary>
[Alias("reservations.bookings")]
public interface IBookingsGrain : IGrainWithIntegerKey
{
    /// <summary>A page of bookings matching the query.</summary>
    Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query);
}
