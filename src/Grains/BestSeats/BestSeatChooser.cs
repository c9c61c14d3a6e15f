namespace Reservations.Grains.BestSeats;

/// <summary>
/// Chooses the best seats for a request, in one pass over the hall, with no I/O. The preference, in
/// order: <c>count</c> adjacent seats in one row that leave no orphan; adjacent in one row even if they
/// leave one; together in one section (the fewest rows, from consecutive rows). Within each step the
/// seats closest to the focal point win (the sum of each seat's distance, a row counting as much as a
/// seat's width); ties go to the front row, then the left.
/// </summary>
public static class BestSeatChooser
{
    /// <param name="hall">The hall.</param>
    /// <param name="open">Per hall seat: free and allowed for this caller (its channel).</param>
    /// <param name="free">Per hall seat: free for anyone; orphans are counted on these.</param>
    /// <param name="request">What the caller asks for.</param>
    /// <param name="focal">The entity's focal point; null for front centre.</param>
    /// <returns>Hall indices of the chosen seats left to right, front to back; null when no step finds enough.</returns>
    public static int[]? Choose(Hall hall, IReadOnlyList<bool> open, IReadOnlyList<bool> free, BestSeatsRequest request, FocalPoint? focal)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(request);
        var distance = Distances(hall, focal);
        bool Fits(int seat) => open[seat] && Matches(hall.Seats[seat], request);
        return InOneRow(hall, free, request.Count, Fits, distance) ?? InOneSection(hall, request.Count, Fits, distance);
    }

    private static bool Matches(HallSeat seat, BestSeatsRequest request) =>
        (request.Category is null || string.Equals(seat.Category, request.Category, StringComparison.Ordinal))
        && (request.Section is null || string.Equals(seat.Section, request.Section, StringComparison.Ordinal))
        && (!request.Accessible || seat.Accessible);

    // Every window of count adjacent fitting seats: the orphan-free ones first, then the others; the closest in each.
    private static int[]? InOneRow(Hall hall, IReadOnlyList<bool> free, int count, Func<int, bool> fits, double[] distance)
    {
        (bool Orphans, double Distance, int Row, int Start)? best = null;
        foreach (var row in hall.Rows)
        {
            var seats = row.Seats;
            var run = 0; // fitting seats side by side, ending at k
            for (var k = 0; k < seats.Length; k++)
            {
                run = !fits(seats[k]) ? 0 : run > 0 && NextTo(hall, seats, k, -1) ? run + 1 : 1;
                if (run < count)
                {
                    continue;
                }

                var start = k - count + 1;
                var sum = 0.0;
                for (var i = start; i <= k; i++)
                {
                    sum += distance[seats[i]];
                }

                var orphans = LeavesOrphan(hall, free, seats, start - 1, -1) || LeavesOrphan(hall, free, seats, k + 1, +1);
                if (best is not { } b || (orphans != b.Orphans ? !orphans : Closer(sum, b.Distance)))
                {
                    best = (orphans, sum, row.Rank, start);
                }
            }
        }

        return best is { } chosen ? hall.Rows[chosen.Row].Seats[chosen.Start..(chosen.Start + count)] : null;
    }

    // The seat at k, beside a window (step: away from it), would be left alone: it sits next to the window,
    // is free, and the seat beyond it is taken, or there is an aisle or the row's end.
    private static bool LeavesOrphan(Hall hall, IReadOnlyList<bool> free, int[] seats, int k, int step) =>
        k >= 0 && k < seats.Length && NextTo(hall, seats, k, -step) && free[seats[k]]
        && (!NextTo(hall, seats, k, step) || !free[seats[k + step]]);

    // Whether the seat at k and the one at k + step in the row sit side by side.
    private static bool NextTo(Hall hall, int[] seats, int k, int step)
    {
        var other = k + step;
        return other >= 0 && other < seats.Length && (step > 0 ? hall.Adjacent(seats[k], seats[other]) : hall.Adjacent(seats[other], seats[k]));
    }

    // Sums of square roots: equal choices (mirror images) may differ in the last bits; those are ties.
    private static bool Closer(double distance, double best) => distance < best - 1e-9;

    // From each row of a section, walking back through the section's next rows, each row giving its
    // closest fitting seats, until count: the fewest rows win, then the smallest distance.
    private static int[]? InOneSection(Hall hall, int count, Func<int, bool> fits, double[] distance)
    {
        (int Rows, double Distance, List<int> Seats)? best = null;
        var fitting = hall.Rows.Select(row => row.Seats.Where(fits).OrderBy(s => distance[s]).ToArray()).ToArray();
        for (var first = 0; first < hall.Rows.Count; first++)
        {
            var chosen = new List<int>(count);
            var sum = 0.0;
            for (var r = first; r < hall.Rows.Count && chosen.Count < count && hall.Rows[r].Section == hall.Rows[first].Section; r++)
            {
                foreach (var seat in fitting[r].Take(count - chosen.Count))
                {
                    chosen.Add(seat);
                    sum += distance[seat];
                }

                var rows = r - first + 1;
                if (chosen.Count == count && (best is not { } b || rows < b.Rows || (rows == b.Rows && Closer(sum, b.Distance))))
                {
                    best = (rows, sum, chosen);
                }
            }
        }

        return best is { } found ? [.. found.Seats.OrderBy(s => hall.RowOf[s]).ThenBy(s => hall.Seats[s].Position)] : null;
    }

    // Each seat's distance to the focal point: rows from the focal row, positions from the focal position
    // (the centre of the seat's own row by default, so "front centre" suits rows of any width).
    private static double[] Distances(Hall hall, FocalPoint? focal)
    {
        var focalRank = focal?.Row is { } label
            ? hall.Rows.FirstOrDefault(r => r.Label == label && (focal.Section is null || r.Section == focal.Section))?.Rank ?? 0
            : 0;
        var distance = new double[hall.Seats.Count];
        foreach (var row in hall.Rows)
        {
            var centre = focal?.Position ?? (hall.Seats[row.Seats[0]].Position + hall.Seats[row.Seats[^1]].Position) / 2.0;
            foreach (var seat in row.Seats)
            {
                var across = hall.Seats[seat].Position - centre;
                var back = row.Rank - focalRank;
                distance[seat] = Math.Sqrt((across * across) + (back * back));
            }
        }

        return distance;
    }
}
