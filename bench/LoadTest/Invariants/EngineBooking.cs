namespace Reservations.LoadTest.Invariants;

/// <summary>A booking as the engine reports it through GET /admin/bookings.</summary>
public sealed record EngineBooking(string BookingId, string SeatId, string PaymentId);
