namespace Reservations.Runtime.Placement;

/// <summary>
/// A hash that is the same in every process (string.GetHashCode is randomised per process):
/// FNV-1a over UTF-16 code units, finished with the SplitMix64 mixer.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static ulong Of(string text, ulong seed)
    {
        var hash = FnvOffset ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}
