using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reservations.Client;

/// <summary>Registers <see cref="ReservationsClient"/> as a typed client of the HttpClient factory.</summary>
public static class ReservationsClientServiceCollectionExtensions
{
    /// <summary>
    /// <c>services.AddReservationsClient(o => { o.BaseAddress = new("https://reservations.example"); o.AppId = ...; o.ApiKey = ...; })</c>;
    /// the answer configures the HttpClient further (handlers, timeouts).
    /// </summary>
    public static IHttpClientBuilder AddReservationsClient(this IServiceCollection services, Action<ReservationsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ReservationsClientOptions>().Configure(configure);
        var builder = services.AddHttpClient(nameof(ReservationsClient));
        builder.AddTypedClient((http, provider) => new ReservationsClient(http, provider.GetRequiredService<IOptions<ReservationsClientOptions>>().Value));
        return builder;
    }
}
