using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Seats;

/// <summary>
/// Seats are collected sooner than other grains: a sale activates each seat it touches, and an idle seat
/// keeps nothing in memory that storage does not hold (expiry is decided from the stored hold), so
/// memory follows the seats touched in the last minutes, not in the last quarter-hour (I8).
/// </summary>
public sealed class SeatCollectionTests(SqliteStoreFixture fixture) : IClassFixture<SqliteStoreFixture>
{
    [Fact]
    public async Task SeatType_CollectionAge_IsTwoMinutes_ShorterThanTheSilosDefault()
    {
        await using var cluster = await GrainsCluster.StartAsync(fixture.Store);
        var seatType = cluster.Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, "E.0.0")).GetGrainId().Type;

        var seatAge = cluster.Services.GetRequiredService<GrainTypeSharedContextResolver>().GetComponents(seatType).CollectionAgeLimit;

        Assert.Equal(TimeSpan.FromMinutes(2), seatAge);
        Assert.True(seatAge < cluster.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.CollectionAge);
    }
}
