using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Reservations.Grains;
using Reservations.Grains.Health;
using Reservations.Grains.Webhooks;
using Microsoft.Extensions.Logging;
using Reservations.Silo.Observability;
using Reservations.Silo.Storage;
using StackExchange.Redis;

namespace Reservations.Silo;

/// <summary>Everything a silo of the reservation engine is, from configuration: the one entry point of both hosts.</summary>
public static class ReservationsSiloBuilderExtensions
{
    /// <summary>
    /// How often Orleans deactivates the activations that fell idle, all of them at once: Orleans'
    /// minute let a sale's seats go in bursts of a minute's activations, seconds with the core taken
    /// (docs/decisions.md, "Idle activations are collected every five seconds").
    /// </summary>
    private static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Clustering and ports ("Orleans" section), storage ("Storage"), the reservation grains
    /// ("Reservations"), readiness ("Health") and the dashboard's silo side ("Dashboard").
    /// Clustering is localhost (a cluster of one) unless Orleans:Membership is Redis.
    /// </summary>
    public static ISiloBuilder AddReservations(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var orleans = Settings.Read<OrleansSettings>(configuration, OrleansSettings.SectionName);
        silo.Services.AddSingleton(Options.Create(orleans));
        if (orleans.UsesRedis)
        {
            UseRedisClustering(silo, configuration, orleans);
        }
        else
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
        }

        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = orleans.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionAge = orleans.CollectionAge;
            options.CollectionQuantum = CollectionQuantum;
        });
        silo.Services.AddHostedService(services => new ProcessorCountCheck(Environment.ProcessorCount, services.GetRequiredService<ILogger<ProcessorCountCheck>>()));
        silo.UseConfiguredStorage(configuration);
        UseWebhookSigningKey(silo, configuration);
        silo.AddReservationGrains();
        silo.AddEngineHealth();
        silo.AddReservationsDashboard(configuration);
        return silo;
    }

    private static void UseWebhookSigningKey(ISiloBuilder silo, IConfiguration configuration)
    {
        var webhooks = Settings.Read<WebhookSettings>(configuration, WebhookSettings.SectionName);
        if (!string.IsNullOrEmpty(webhooks.SigningKey))
        {
            silo.Services.AddSingleton(new WebhookSigningKey(Convert.FromBase64String(webhooks.SigningKey)));
            return;
        }

        var path = Path.Combine(Settings.Read<StorageOptions>(configuration, StorageOptions.SectionName).Sqlite.DataDirectory, WebhookSettings.KeyFileName);
        silo.Services.AddSingleton(services => new WebhookSigningKey(KeyFile.LoadOrCreate(
            path, () => SiloLog.WebhookKeyCreated(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookSettings)), path))));
    }

    private static void UseRedisClustering(ISiloBuilder silo, IConfiguration configuration, OrleansSettings orleans)
    {
        var refused = new List<string>();
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            refused.Add("Orleans:Membership is Redis but ConnectionStrings:Redis is not set.");
        }

        if (!Settings.Read<StorageOptions>(configuration, StorageOptions.SectionName).UsesPostgres)
        {
            refused.Add("Orleans:Membership is Redis, so silos share their storage: set Storage:Provider to Postgres.");
        }

        if (string.IsNullOrEmpty(configuration[$"{WebhookSettings.SectionName}:{nameof(WebhookSettings.SigningKey)}"]))
        {
            refused.Add("Orleans:Membership is Redis, so every silo must sign webhooks alike: set Webhooks:SigningKey.");
        }

        if (!IPAddress.TryParse(orleans.AdvertisedAddress, out var address))
        {
            refused.Add($"Orleans:AdvertisedAddress {orleans.AdvertisedAddress} is not an IP address.");
        }

        if (refused.Count > 0)
        {
            throw new OptionsValidationException(OrleansSettings.SectionName, typeof(OrleansSettings), refused);
        }

        silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis!));
        silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
        silo.ConfigureEndpoints(address!, orleans.SiloPort, orleans.GatewayPort);
    }
}
