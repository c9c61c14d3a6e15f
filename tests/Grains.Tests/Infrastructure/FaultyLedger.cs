using System.Collections.Immutable;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>How many ledger writes are still to fail, shared by the ledgers of every silo of a test cluster.</summary>
public sealed class LedgerFaults
{
    private int _failures;

    public void FailNextRecords(int count) => Volatile.Write(ref _failures, count);

    internal bool TakeFailure() => Interlocked.Decrement(ref _failures) >= 0;
}

/// <summary>
/// A ledger whose next writes fail as if the process died between the seat's write and the ledger's:
/// nothing reaches the inner ledger.
/// </summary>
internal sealed class FaultyLedger(IBookingLedger inner, LedgerFaults faults) : IBookingLedger
{
    public Task RecordAsync(Booking booking) => faults.TakeFailure()
        ? Task.FromException(new IOException("Simulated crash between the seat's write and the ledger's."))
        : inner.RecordAsync(booking);

    public Task<ImmutableHashSet<string>> FindBookedAsync(string appId, IReadOnlyCollection<string> seatIds) => inner.FindBookedAsync(appId, seatIds);

    public Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query) => inner.QueryAsync(query);
}
