using Orleans.Storage;
using Reservations.TestSupport;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Tests.Infrastructure;

internal static class Seeding
{
    public const string AppId = "APP-test";

    /// <summary>Seeds a new entity with seats A1, A2, ... at 25.50 and returns their grains in order.</summary>
    public static async Task<ISeatGrain[]> NewSeatsAsync(IGrainFactory grains, int count, string appId = AppId)
    {
        var entityId = "E-" + Guid.NewGuid().ToString("N")[..12];
        var listings = await grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped(appId, entityId))
            .TryAddSeatsAsync([.. Enumerable.Range(1, count).Select(i => new SeatSpec($"A{i}", 25.50m))]);
        return [.. listings.Seats.Select(l => grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(appId, l.SeatId)))];
    }

    public static async Task<ISeatGrain> NewSeatAsync(IGrainFactory grains, string appId = AppId) => (await NewSeatsAsync(grains, 1, appId))[0];

    public static string SeatIdOf(ISeatGrain seat) => GrainKeys.IdOf(seat.GetPrimaryKeyString());

    public static string EntityIdOf(ISeatGrain seat) => SeatAddress.TryParse(SeatIdOf(seat), out var address) ? address.EntityId : throw new ArgumentException("Not a seat.");

    /// <summary>The seat's page of its entity's catalog.</summary>
    public static IInventoryPageGrain PageOf(IGrainFactory grains, ISeatGrain seat, string appId = AppId) =>
        grains.GetGrain<IInventoryPageGrain>(InventoryPages.Key(appId, EntityIdOf(seat), 0));

    /// <summary>The seat's state as stored, read straight from storage; null when nothing is stored.</summary>
    public static async Task<SeatState?> StoredAsync(IGrainStorage storage, ISeatGrain seat)
    {
        var state = new GrainState<SeatState>();
        await storage.ReadStateAsync("seat", seat.GetGrainId(), state);
        return state.RecordExists ? state.State : null;
    }

    /// <summary>
    /// Waits until the seat's page has heard of a hold (the notice is one-way), scheduled its sweep and
    /// armed the sweep's tick on the fake clock, so that moving the clock past it fires it.
    /// </summary>
    public static Task WaitForSweepAsync(GrainsCluster cluster, ISeatGrain seat) => ReminderReadiness.WaitForTickArmedAsync(PageOf(cluster.Grains, seat).GetGrainId());

    /// <summary>Waits until the seat's page has swept and, finding no hold left, dropped its sweep reminder.</summary>
    public static async Task WaitUntilSweptAsync(GrainsCluster cluster, ISeatGrain seat)
    {
        var page = PageOf(cluster.Grains, seat).GetGrainId();
        try
        {
            await Eventually.ReturnsAsync(() => cluster.Reminders.ReadRow(page, InventoryPageGrain.SweepReminder), r => r is null, "the page's sweep");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} The clock reads {cluster.Clock.GetUtcNow():O}; the reminder's events:{Environment.NewLine}{ReminderReadiness.HistoryOf(page)}", timeout);
        }
    }
}
