using Orleans.Providers;
using Orleans.Storage;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Seats;

/// <summary>A refusal (a seat held or booked) is answered from memory: no storage read or write, no ledger call.</summary>
public sealed class SeatRefusalTests : IAsyncLifetime
{
    private CountingGrainStorage? _storage;
    private CountingLedger? _ledger;
    private GrainsCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GrainsCluster.StartAsync(TestStore.Memory(), configure: services =>
    {
        services.Decorate<IGrainStorage>(inner => _storage = new CountingGrainStorage(inner), ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        services.Decorate<IBookingLedger>(inner => _ledger = new CountingLedger(inner));
    });

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _cluster.Store.DisposeAsync();
    }

    [Fact]
    public async Task TryHold_HeldOrBookedSeat_RefusesWithoutStorageOrLedger()
    {
        var seats = await Seeding.NewSeatsAsync(_cluster.Grains, 2);
        var (held, booked) = (seats[0], seats[1]);
        await held.TryHoldAsync("U-1");
        var hold = await booked.TryHoldAsync("U-1");
        await booked.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1");
        var (storageCalls, ledgerCalls) = (_storage!.Calls, _ledger!.Calls);

        for (var i = 0; i < 50; i++)
        {
            Assert.Same(HoldResult.Unavailable, await held.TryHoldAsync($"U-{i + 2}"));
            Assert.Same(HoldResult.Unavailable, await booked.TryHoldAsync($"U-{i + 2}"));
        }

        Assert.Equal(storageCalls, _storage.Calls);
        Assert.Equal(ledgerCalls, _ledger.Calls);
    }
}
