namespace Reservations.Runtime.Storage.Sql;

/// <summary>
/// Every provider keeps times at whole microseconds (PostgreSQL's precision), so a time read back
/// equals the time written in all of them.
/// </summary>
internal static class Microseconds
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    /// <summary>The time cut down to a whole microsecond, in UTC.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>
    /// The first whole microsecond at or after the time: a stored time t satisfies t &gt;= x (or
    /// t &lt; x) exactly when it satisfies it against this bound.
    /// </summary>
    public static DateTimeOffset Ceiling(DateTimeOffset time)
    {
        var truncated = Truncate(time);
        return truncated.UtcTicks == time.UtcTicks ? truncated : truncated.AddTicks(TicksPerMicrosecond);
    }

    /// <summary>Microseconds since the Unix epoch (SQLite's column format).</summary>
    public static long SinceUnixEpoch(DateTimeOffset time) => (Truncate(time).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <summary>The time that many microseconds after the Unix epoch, in UTC.</summary>
    public static DateTimeOffset FromUnixEpoch(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TicksPerMicrosecond);
}
