using Reservations.LoadTest.Scenarios;

namespace Reservations.LoadTest.Tests;

public sealed class HallOrphansTests
{
    [Fact]
    public void Count_LoneFreeSeatsBesideTakenOnes_OnlyThose()
    {
        // Row A: free, taken, free, free, taken, free. Row B: free alone in its row (no taken neighbour).
        var seats = new[] { true, false, true, true, false, true }.Select((free, i) => ("A", i + 1, free)).Append(("B", 1, true));

        Assert.Equal(2, HallOrphans.Count(seats));
    }

    [Fact]
    public void OfflineOptimum_Pairs_OneLoneSeatPerOddRow_OtherCountsNotComputed()
    {
        Assert.Equal(0, HallOrphans.OfflineOptimum([20, 20, 10], 2));
        Assert.Equal(2, HallOrphans.OfflineOptimum([21, 20, 9], 2));
        Assert.Null(HallOrphans.OfflineOptimum([20], 3));
    }
}
