using Reservations.Client;

namespace Reservations.LoadTest.Core;

/// <summary>A seeded seat with its reserve body made once, so the hot path does not build it per request.</summary>
public sealed record SeatRef(string SeatId, ReserveSeatRequest ReserveBody);
