using System.Collections.Concurrent;
using Reservations.LoadTest.Core;

namespace Reservations.LoadTest.Tests.Infrastructure;

/// <summary>
/// What the engine answered during a crash test, kept per kind of answer: the holds and bookings it
/// answered 201 (which must survive any crash), the confirmations whose outcome is unknown (503 or no
/// answer: booked or not, either may be true), and anything no crash excuses.
/// </summary>
public sealed class AnsweredLog
{
    private int _booked;
    private int _busy;

    /// <summary>Holds answered 201 and left held (never confirmed).</summary>
    public ConcurrentBag<(int Holder, SeatRef Seat, string Token)> Held { get; } = [];

    /// <summary>Bookings answered 201, by seat.</summary>
    public ConcurrentDictionary<string, string> Booked { get; } = new(StringComparer.Ordinal);

    /// <summary>Confirmations answered 503 or not at all: repeating them must give a booking.</summary>
    public ConcurrentBag<(int Holder, SeatRef Seat, string Token, string PaymentId)> Unknown { get; } = [];

    /// <summary>Answers that are wrong whatever crashed (a 500, a refusal of a seat only this user asks for).</summary>
    public ConcurrentBag<string> Wrong { get; } = [];

    public int BookedCount => Volatile.Read(ref _booked);

    /// <summary>How many requests were answered 503 (storage unreachable).</summary>
    public int BusyCount => Volatile.Read(ref _busy);

    public void AddBooked(SeatRef seat, string bookingId)
    {
        Booked[seat.SeatId] = bookingId;
        Interlocked.Increment(ref _booked);
    }

    public void AddBusy() => Interlocked.Increment(ref _busy);
}
