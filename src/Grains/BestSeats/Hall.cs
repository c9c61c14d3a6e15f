using Reservations.Grains.Inventory;

namespace Reservations.Grains.BestSeats;

/// <summary>
/// An entity's seats that have a place, arranged for choosing: rows front to back (in the order the
/// catalog first names them), each row's seats left to right by position. Index i is the i-th placed
/// seat in catalog order; seats without a place are not in the hall and best available never offers them.
/// </summary>
public sealed class Hall
{
    public Hall(IReadOnlyList<HallSeat> seats)
    {
        Seats = seats;
        var rows = new Dictionary<(string?, string), List<int>>();
        var order = new List<(string?, string)>();
        for (var i = 0; i < seats.Count; i++)
        {
            var key = (seats[i].Section, seats[i].Row);
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = [];
                order.Add(key);
            }

            row.Add(i);
        }

        Rows = [.. order.Select((key, rank) => new HallRow(key.Item1, key.Item2, rank, [.. rows[key].OrderBy(i => seats[i].Position)]))];
        RowOf = new int[seats.Count];
        foreach (var row in Rows)
        {
            foreach (var seat in row.Seats)
            {
                RowOf[seat] = row.Rank;
            }
        }
    }

    /// <summary>The placed seats, in catalog order.</summary>
    public IReadOnlyList<HallSeat> Seats { get; }

    /// <summary>Rows front to back; a row's Rank is its index here.</summary>
    public IReadOnlyList<HallRow> Rows { get; }

    /// <summary>The rank of each seat's row.</summary>
    public int[] RowOf { get; }

    /// <summary>Whether seat <paramref name="right"/> sits directly right of seat <paramref name="left"/> (same row, next position: no aisle between).</summary>
    public bool Adjacent(int left, int right) => RowOf[left] == RowOf[right] && Seats[right].Position == Seats[left].Position + 1;

    /// <summary>
    /// Orphans: free seats with no free neighbour and at least one taken neighbour (a lone free seat stranded
    /// between taken ones, or between a taken one and an aisle or the row's end). A seat alone in its row by
    /// design is not one.
    /// </summary>
    public int CountOrphans(IReadOnlyList<bool> free)
    {
        var orphans = 0;
        foreach (var row in Rows)
        {
            for (var k = 0; k < row.Seats.Length; k++)
            {
                var seat = row.Seats[k];
                if (!free[seat])
                {
                    continue;
                }

                var left = k > 0 && Adjacent(row.Seats[k - 1], seat) ? row.Seats[k - 1] : -1;
                var right = k < row.Seats.Length - 1 && Adjacent(seat, row.Seats[k + 1]) ? row.Seats[k + 1] : -1;
                var freeNeighbour = (left >= 0 && free[left]) || (right >= 0 && free[right]);
                var takenNeighbour = (left >= 0 && !free[left]) || (right >= 0 && !free[right]);
                orphans += !freeNeighbour && takenNeighbour ? 1 : 0;
            }
        }

        return orphans;
    }

    /// <summary>The hall of a catalog's seats: the placed ones, each keeping its ordinal in the entity.</summary>
    public static Hall Of(IReadOnlyList<SeatSpec> catalog)
    {
        var seats = new List<HallSeat>();
        for (var ordinal = 0; ordinal < catalog.Count; ordinal++)
        {
            if (catalog[ordinal] is { Place: { } place } spec)
            {
                seats.Add(new HallSeat(ordinal, place.Section, place.Row, place.Position, spec.Category, place.Accessible));
            }
        }

        return new Hall(seats);
    }
}
