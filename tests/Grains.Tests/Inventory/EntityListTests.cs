using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Grains.Inventory;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Inventory;

/// <summary>An app's list of entities, kept by seeding, and its bound.</summary>
public sealed class EntityListTests : IAsyncLifetime
{
    private GrainsCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Grains;

    public async Task InitializeAsync() => _cluster = await GrainsCluster.StartAsync(TestStore.Memory(), configure: services =>
        services.Configure<ReservationOptions>(options => options.MaxEntitiesPerApp = 2));

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _cluster.Store.DisposeAsync();
    }

    private static ImmutableArray<SeatSpec> Seats(params string[] numbers) => [.. numbers.Select(n => new SeatSpec(n, 5m))];

    private IInventoryGrain Entity(string appId, string entityId) => Grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped(appId, entityId));

    [Fact]
    public async Task TryAddSeats_ListFull_NewEntityRefusedBeforeAnySeatExists_ListedOnesStillGrow()
    {
        const string appId = "APP-entities";
        await Entity(appId, "first").TryAddSeatsAsync(Seats("1", "2"));
        _cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await Entity(appId, "second").TryAddSeatsAsync(Seats("1"));

        var refused = await Entity(appId, "third").TryAddSeatsAsync(Seats("1"));
        var grown = await Entity(appId, "second").TryAddSeatsAsync(Seats("1", "2"));

        Assert.Equal(SeedResult.TooManyEntities, refused);
        Assert.Empty(await Grains.GetGrain<IInventoryPageGrain>(InventoryPages.Key(appId, "third", 0)).GetSeatsAsync());
        Assert.Equal(SeedOutcome.Seeded, grown.Outcome);
        var start = FakeClock.Create().GetUtcNow();
        Assert.Equal(
            [new EntitySummary("first", 2, start), new EntitySummary("second", 2, start.AddMinutes(1))],
            (await Grains.GetGrain<IEntityListGrain>(appId).ListAsync()).ToArray());
        Assert.Empty(await Grains.GetGrain<IEntityListGrain>("APP-other").ListAsync());
    }
}
