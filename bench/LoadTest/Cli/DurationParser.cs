using System.Globalization;

namespace Reservations.LoadTest.Cli;

/// <summary>Reads "30s", "500ms", "2m", "1h", a bare number of seconds, or a TimeSpan ("00:00:30").</summary>
internal static class DurationParser
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var value = text.Trim();
        foreach (var (suffix, unit) in new[] { ("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0) })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(value[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount >= 0)
            {
                duration = TimeSpan.FromSeconds(amount * unit);
                return true;
            }
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
