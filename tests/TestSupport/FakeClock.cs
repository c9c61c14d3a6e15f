using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace Reservations.TestSupport;

/// <summary>Puts a host on a fake clock the way Orleans 10 splits time into areas.</summary>
public static class FakeClock
{
    /// <summary>A fake clock at a fixed, whole-second start.</summary>
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Grains (their injected clock and their timers) and reminders run on <paramref name="clock"/>;
    /// Orleans' own machinery (messaging timeouts, membership, activation collection) stays on real
    /// time, so moving the clock never stalls or fast-forwards the runtime itself.
    /// </summary>
    public static IServiceCollection UseFakeClock(this IServiceCollection services, FakeTimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
        return services;
    }
}
