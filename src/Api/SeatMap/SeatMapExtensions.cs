namespace Reservations.Api.SeatMap;

public static class SeatMapExtensions
{
    /// <summary>The live seat map's feeds and their periodic renewal with the catalog pages.</summary>
    public static WebApplicationBuilder AddSeatMap(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeatMapOptions>().BindConfiguration(SeatMapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SeatMapFeeds>();
        builder.Services.AddHostedService<SeatMapRenewal>();
        return builder;
    }
}
