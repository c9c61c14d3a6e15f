namespace Reservations.Api.Tests.Infrastructure;

/// <summary>
/// Engines for the live seat map's tests: renewal every second (real time), a small buffer per client, and every
/// change written as it comes (no pacing), so a client that reads keeps up with a burst however small its buffer.
/// </summary>
public static class SeatMapSettings
{
    public const int ClientBuffer = 4;

    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["SeatMap:ResubscribePeriod"] = "00:00:01",
        ["SeatMap:ClientBuffer"] = ClientBuffer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SeatMap:SendInterval"] = "00:00:00",
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
