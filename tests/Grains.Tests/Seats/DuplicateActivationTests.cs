using Orleans.Storage;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Seats;

/// <summary>
/// Two clusters over one database each activate the same seat: a stale activation cannot overwrite
/// what the other wrote, because every write carries the ETag it read (I1, I2).
/// </summary>
public abstract class DuplicateActivationTests<TStore>(TStore fixture) : IClassFixture<TStore> where TStore : StoreFixture
{
    [Fact]
    public async Task StaleDuplicate_WritesAfterTheOther_IsFencedByTheETagAndReloads()
    {
        await using var first = await GrainsCluster.StartAsync(fixture.Store);
        await using var second = await GrainsCluster.StartAsync(fixture.Store, clock: first.Clock);
        var seatKey = (await Seeding.NewSeatAsync(first.Grains)).GetPrimaryKeyString();
        var seatInFirst = first.Grains.GetGrain<ISeatGrain>(seatKey);
        var seatInSecond = second.Grains.GetGrain<ISeatGrain>(seatKey);
        Assert.Equal(SeatStatus.Available, (await seatInFirst.GetAsync())!.Status);
        Assert.Equal(SeatStatus.Available, (await seatInSecond.GetAsync())!.Status);

        var granted = await seatInFirst.TryHoldAsync("U-first");
        var fenced = await Assert.ThrowsAsync<InconsistentStateException>(() => seatInSecond.TryHoldAsync("U-second"));

        Assert.Equal(HoldOutcome.Granted, granted.Outcome);
        Assert.NotNull(fenced);
        Assert.Equal("U-first", (await Seeding.StoredAsync(first.Storage, seatInFirst))!.HolderUserId);
        // The fenced activation went away; the next call reads what is stored.
        Assert.Equal(HoldResult.Unavailable, await seatInSecond.TryHoldAsync("U-second"));
        Assert.Equal(ConfirmResult.Expired, await seatInSecond.ConfirmAsync("forged.token", "U-second", "PAY"));
        Assert.Equal(ConfirmOutcome.Booked, (await seatInFirst.ConfirmAsync(granted.ReservationToken!, "U-first", "PAY-1")).Outcome);
    }
}

public sealed class SqliteDuplicateActivationTests(SqliteStoreFixture fixture) : DuplicateActivationTests<SqliteStoreFixture>(fixture);

public sealed class PostgresDuplicateActivationTests(PostgresStoreFixture fixture) : DuplicateActivationTests<PostgresStoreFixture>(fixture);
