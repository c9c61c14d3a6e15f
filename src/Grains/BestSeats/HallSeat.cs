namespace Reservations.Grains.BestSeats;

/// <summary>A placed seat as the chooser sees it; Ordinal is its place in the entity's catalog (its seat id's number less one).</summary>
public readonly record struct HallSeat(int Ordinal, string? Section, string Row, int Position, string? Category, bool Accessible);
