using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Usage;
using Reservations.Grains.Webhooks;

namespace Reservations.Grains;

/// <summary>The one entry point hosts use to run the reservation grains.</summary>
public static class ReservationGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Registers what the grains need besides Orleans, an <see cref="Bookings.IBookingLedger"/>, an
    /// <see cref="IWebhookOutbox"/> and a <see cref="WebhookSigningKey"/>: the usage metering of
    /// <see cref="AddUsageMetering"/>, the seats' <see cref="SeatRefusals"/> and <see cref="CatalogPageCache"/>, and the webhooks' sender. Orleans
    /// finds the grain classes itself.
    /// </summary>
    public static ISiloBuilder AddReservationGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddUsageMetering();
        silo.Services.AddSingleton<SeatRefusals>();
        silo.Services.AddSingleton<CatalogPageCache>();
        silo.Services.AddSingleton<WebhookSubscriptions>();
        silo.Services.AddSingleton<WebhookSigner>();
        silo.Services.AddSingleton<WebhookSender>();
        return silo;
    }

    /// <summary>
    /// <see cref="ReservationOptions"/> bound from the "Reservations" section and validated at start,
    /// the clock, and the <see cref="UsageMeter"/> with its periodic flusher (which flushes once more
    /// on shutdown). Silos count holds with it; an API gateway, which hosts no grain, counts requests.
    /// </summary>
    public static IServiceCollection AddUsageMetering(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReservationOptions>().BindConfiguration(ReservationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UsageMeter>();
        services.AddHostedService<UsageFlusher>();
        return services;
    }
}
