using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Grains.Seats;
using Reservations.Grains.Usage;
using Reservations.Runtime;
using Reservations.Runtime.Hosting;

namespace Reservations.Grains;

/// <summary>The one entry point hosts use to run the reservation grains.</summary>
public static class ReservationGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Registers the grains, their JSON contexts, the <see cref="UsageMeter"/> with its periodic
    /// flusher (which flushes once more on shutdown), and <see cref="ReservationOptions"/> bound from
    /// the "Reservations" section and validated at start.
    /// </summary>
    public static SiloBuilder AddReservationGrains(this SiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddGrains(typeof(SeatGrain).Assembly)
            .AddJsonTypeInfoResolver(GrainsAbstractionsJsonContext.Default)
            .AddJsonTypeInfoResolver(GrainsJsonContext.Default);

        var services = silo.Services;
        services.AddOptions<ReservationOptions>().BindConfiguration(ReservationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new UsageMeter(sp.GetRequiredService<IGrainFactory>()));
        services.AddHostedService<UsageFlusher>();
        return silo;
    }
}
