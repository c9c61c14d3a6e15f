namespace Reservations.Api.Tests.Infrastructure;

/// <summary>Engines for the live seat map's tests: renewal every second (real time), and a small buffer per client.</summary>
public static class SeatMapSettings
{
    public const int ClientBuffer = 4;

    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["SeatMap:ResubscribePeriod"] = "00:00:01",
        ["SeatMap:ClientBuffer"] = ClientBuffer.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class SqliteSeatMapFixture() : ApiFixture(new SqliteEngineStorage())
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SeatMapSettings.Values;
}

public sealed class PostgresSeatMapFixture() : ApiFixture(new PostgresEngineStorage())
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SeatMapSettings.Values;
}
