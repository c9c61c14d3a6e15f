namespace Reservations.LoadTest.Scenarios;

/// <summary>
/// Orphans in a hall as the engine lists it: free seats with no free neighbour and at least one taken one
/// (a neighbour sits in the same row at the next position). Pure, for the best scenario's report.
/// </summary>
public static class HallOrphans
{
    public static int Count(IEnumerable<(string Row, int Position, bool Free)> seats) =>
        seats.GroupBy(s => s.Row, StringComparer.Ordinal).Sum(row =>
        {
            var byPosition = row.ToDictionary(s => s.Position, s => s.Free);
            return byPosition.Count(seat =>
            {
                var left = byPosition.TryGetValue(seat.Key - 1, out var l) ? l : (bool?)null;
                var right = byPosition.TryGetValue(seat.Key + 1, out var r) ? r : (bool?)null;
                return seat.Value && left != true && right != true && (left == false || right == false);
            });
        });

    /// <summary>The fewest orphans any allocation of groups of <paramref name="count"/> can leave a full hall of these rows: each odd row keeps one lone seat for pairs.</summary>
    public static int? OfflineOptimum(IEnumerable<int> rowWidths, int count) => count == 2 ? rowWidths.Sum(width => width % 2) : null;
}
