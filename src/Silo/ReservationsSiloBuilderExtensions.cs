using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Reservations.Grains;
using Reservations.Silo.Storage;

namespace Reservations.Silo;

/// <summary>Everything a silo of the reservation engine is, from configuration: the one entry point of both hosts.</summary>
public static class ReservationsSiloBuilderExtensions
{
    /// <summary>
    /// Clustering and ports ("Orleans" section), storage ("Storage"), and the reservation grains
    /// ("Reservations"). Until cluster membership lands, the silo is a cluster of one on localhost.
    /// </summary>
    public static ISiloBuilder AddReservations(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var orleans = Settings.Read<OrleansSettings>(configuration, OrleansSettings.SectionName);
        silo.Services.AddSingleton(Options.Create(orleans));
        silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = orleans.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = orleans.CollectionAge);
        silo.UseConfiguredStorage(configuration);
        silo.AddReservationGrains();
        return silo;
    }
}
