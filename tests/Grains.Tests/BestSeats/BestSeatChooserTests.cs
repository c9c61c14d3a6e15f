using Reservations.Grains.BestSeats;

namespace Reservations.Grains.Tests.BestSeats;

/// <summary>The choosing rule alone, on halls drawn as text (<see cref="HallPicture"/>); docs/api.md shows the same pictures.</summary>
public sealed class BestSeatChooserTests
{
    [Fact]
    public void Choose_EmptyHall_FrontRowCentre()
    {
        var hall = new HallPicture("A: ........", "B: ........");

        Assert.Equal(["A: ...##...", "B: ........"], hall.Draw(hall.Choose(new(2))!));
    }

    [Fact]
    public void Choose_ClosestPairWouldStrandASeat_TakesAPairThatLeavesNone()
    {
        var hall = new HallPicture("A: X...X", "B: ......");

        Assert.Equal(["A: X...X", "B: ..##.."], hall.Draw(hall.Choose(new(2))!));
    }

    [Fact]
    public void Choose_OnlyPairsThatStrandASeat_TakesTheClosestOfThem()
    {
        var hall = new HallPicture("A: X...X", "B: X.X.X");

        Assert.Equal(["A: X##.X", "B: X.X.X"], hall.Draw(hall.Choose(new(2))!));
    }

    [Fact]
    public void Choose_NoSeatsSideBySide_TogetherInTheFewestRowsOfOneSection()
    {
        var hall = new HallPicture("A: .XX", "B: XX.", "C: .X.");

        Assert.Equal(["A: .XX", "B: XX.", "C: #X#"], hall.Draw(hall.Choose(new(2))!));
    }

    [Fact]
    public void Choose_TooFewInAnySection_NullThoughTheHallHasEnough()
    {
        var hall = new HallPicture("Stalls/A: X.X", "Balcony/A: X.X");

        Assert.Null(hall.Choose(new(2)));
        Assert.Null(hall.Choose(new(3)));
    }

    [Fact]
    public void Choose_Aisle_PairNeverSpansIt()
    {
        var hall = new HallPicture("A: X.. .X");

        Assert.Equal(["A: X## .X"], hall.Draw(hall.Choose(new(2))!));
    }

    [Fact]
    public void Choose_CategorySectionOrAccessible_OnlySuchSeats()
    {
        var hall = new HallPicture("Stalls/A: ......", "Stalls/B: .pppp.", "Balcony/C: a....a");

        Assert.Equal(["Stalls/A: ......", "Stalls/B: .p##p.", "Balcony/C: a....a"], hall.Draw(hall.Choose(new(2, Category: "Premium"))!));
        Assert.Equal(["Stalls/A: ......", "Stalls/B: .pppp.", "Balcony/C: a.##.a"], hall.Draw(hall.Choose(new(2, Section: "Balcony"))!));
        Assert.Equal(["Stalls/A: ......", "Stalls/B: .pppp.", "Balcony/C: #....a"], hall.Draw(hall.Choose(new(1, Accessible: true))!));
        Assert.Equal(["Stalls/A: ......", "Stalls/B: .pppp.", "Balcony/C: #....#"], hall.Draw(hall.Choose(new(2, Accessible: true))!));
    }

    [Fact]
    public void Choose_FocalPointAtTheBackLeft_ClosestToIt()
    {
        var hall = new HallPicture("A: ......", "B: ......", "C: ......");

        Assert.Equal(["A: ......", "B: ......", "C: ##...."], hall.Draw(hall.Choose(new(2), new FocalPoint(null, "C", 1))!));
        Assert.Equal(["A: ......", "B: ..##..", "C: ......"], hall.Draw(hall.Choose(new(2), new FocalPoint(null, "B", null))!));
    }

    [Fact]
    public void Choose_FullHall_Null()
    {
        var hall = new HallPicture("A: XXXX");

        Assert.Null(hall.Choose(new(1)));
    }

    [Fact]
    public void Choose_PairsUntilFull_NeverStrandsASeatInEvenRows()
    {
        var hall = new HallPicture("A: ..........", "B: ..........", "C: ....  ....");

        while (hall.Choose(new(2)) is { } pair)
        {
            Assert.Equal(0, hall.Hall.CountOrphans(hall.Free.Select((f, i) => f && !pair.Contains(i)).ToArray()));
            foreach (var seat in pair)
            {
                hall.Free[seat] = false;
            }
        }

        Assert.All(hall.Free, Assert.False);
    }

    [Fact]
    public void CountOrphans_LoneFreeSeatsBesideTakenOnes()
    {
        Assert.Equal(0, new HallPicture("A: .", "B: ..").Hall.CountOrphans(new HallPicture("A: .", "B: ..").Free));
        var hall = new HallPicture("A: .X.X..X.", "B: X. .X");

        Assert.Equal(5, hall.Hall.CountOrphans(hall.Free));
    }
}
