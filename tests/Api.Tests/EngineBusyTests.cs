using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Reservations.Api.Tests.Infrastructure;
using Reservations.Grains.Bookings;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// A failure worth retrying (a timeout, storage briefly unavailable) answers 503 engine_busy with
/// Retry-After, never 500, changes nothing that a retry cannot finish, and the retry succeeds.
/// </summary>
public sealed class EngineBusyTests(EngineBusyTests.Fixture fixture) : IClassFixture<EngineBusyTests.Fixture>
{
    public sealed class Fixture() : ApiFixture(new SqliteEngineStorage())
    {
        public Faults SeatWrites { get; } = new();

        public Faults LedgerRecords { get; } = new();

        public Faults LedgerQueries { get; } = new();

        protected override Type ExpectedLedgerType => typeof(FaultyLedger);

        protected override void ConfigureServices(IServiceCollection services) => services
            .Decorate<IGrainStorage>(inner => new FailingGrainStorage(inner, "seat", SeatWrites), ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .Decorate<IBookingLedger>(inner => new FaultyLedger(inner, LedgerRecords, LedgerQueries));
    }

    [Fact]
    public async Task Hold_SeatStorageTimesOut_503RetryAfterAndTheRetryHoldsTheSeat()
    {
        var (_, seats) = await fixture.SeedAsync(fixture.AppA);
        var user = fixture.As(fixture.UserA1);
        fixture.SeatWrites.FailNext(1, () => new TimeoutException("Simulated storage timeout."));

        using var busy = await user.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] });

        await AssertBusyAsync(busy);
        var listing = await (await fixture.Tenant(fixture.AppA).GetAsync($"/seats?entityId={seats[0].Split(':')[0]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("available", Assert.Single(listing.GetProperty("seats").EnumerateArray()).GetProperty("status").GetString());
        await (await user.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Confirm_LedgerBrieflyUnavailable_503ThenTheRetryGivesTheSameBookingListedAtOnce()
    {
        var (_, seats) = await fixture.SeedAsync(fixture.AppA);
        var user = fixture.As(fixture.UserA2);
        var hold = await (await user.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        var confirm = new { reservationToken = hold.GetProperty("reservationToken").GetString(), paymentId = "PAY-busy" };
        fixture.LedgerRecords.FailNext(1, () => new TransientDbException());

        using var busy = await user.PostAsJsonAsync("/confirm-booking", confirm);

        await AssertBusyAsync(busy);
        var booked = await (await user.PostAsJsonAsync("/confirm-booking", confirm)).ReadJsonAsync(HttpStatusCode.OK);
        var again = await (await user.PostAsJsonAsync("/confirm-booking", confirm)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(booked.GetProperty("bookingId").GetString(), again.GetProperty("bookingId").GetString());
        var mine = await (await user.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == booked.GetProperty("bookingId").GetString());
    }

    [Fact]
    public async Task MyBookings_LedgerQueryFailsTransiently_503RetryAfter()
    {
        var user = fixture.As(fixture.UserB1);
        fixture.LedgerQueries.FailNext(1, () => new TransientDbException());

        await AssertBusyAsync(await user.GetAsync("/my-bookings"));
        await (await user.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "engine_busy");
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    private sealed class TransientDbException() : DbException("Simulated connection reset.")
    {
        public override bool IsTransient => true;
    }
}
