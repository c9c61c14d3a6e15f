using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Reservations.Silo.Observability;
using StackExchange.Redis;

namespace Reservations.Silo;

/// <summary>An Orleans client of a cluster of reservation silos: what an API gateway is to the engine.</summary>
public static class ReservationsClientBuilderExtensions
{
    /// <summary>
    /// Finds the cluster's gateways through Redis at ConnectionStrings:Redis, in the cluster and
    /// service of the "Orleans" section, with its response timeout; keeps trying to connect until
    /// a silo answers or the host stops. The dashboard's client side comes with it, as its silo side
    /// comes with <see cref="ReservationsSiloBuilderExtensions.AddReservations"/>.
    /// </summary>
    public static IClientBuilder AddReservationsCluster(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var orleans = Settings.Read<OrleansSettings>(configuration, OrleansSettings.SectionName);
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            throw new OptionsValidationException(
                "ConnectionStrings", typeof(OrleansSettings), ["Engine:Mode is Gateway, so the API finds the cluster through Redis: set ConnectionStrings:Redis."]);
        }

        client.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = orleans.ResponseTimeout);
        client.Services.AddSingleton<IClientConnectionRetryFilter, RetryClusterConnection>();
        client.AddReservationsDashboard(configuration);
        return client;
    }
}
