namespace Reservations.LoadTest.Core;

/// <summary>A seeded seat with its reserve body serialised once, so the hot path does not allocate it per request.</summary>
public sealed record SeatRef(string SeatId, ReadOnlyMemory<byte> ReserveBody);
