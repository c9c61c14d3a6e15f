using Microsoft.Extensions.DependencyInjection;
using Reservations.Runtime.Hosting;
using Reservations.TestingHost;

namespace Reservations.Grains.Tests.Infrastructure;

internal static class GrainsTestCluster
{
    /// <summary>
    /// Reminders tick every 7 s, so on the fake clock a hold's expiry instant (120 s) falls between
    /// two ticks: tests can see a hold dead before any reminder ran.
    /// </summary>
    public static readonly TimeSpan ReminderTick = TimeSpan.FromSeconds(7);

    public static TestCluster Create(Func<ISiloStorage> storage, Action<ReservationOptions>? reservations = null) =>
        new(
            storage,
            silo => silo.AddReservationGrains(),
            options => options.ReminderTickPeriod = ReminderTick,
            services =>
            {
                if (reservations is not null)
                {
                    services.Configure(reservations);
                }
            });
}
