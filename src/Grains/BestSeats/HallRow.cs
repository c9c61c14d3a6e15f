namespace Reservations.Grains.BestSeats;

/// <summary>A row of a hall: its seats (hall indices) left to right; Rank counts rows from the front.</summary>
public sealed record HallRow(string? Section, string Label, int Rank, int[] Seats);
