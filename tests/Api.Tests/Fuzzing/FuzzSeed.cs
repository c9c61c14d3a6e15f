using System.Globalization;
using System.Security.Cryptography;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>The run's seed: RESERVATIONS_FUZZ_SEED replays a run, otherwise a new random one.</summary>
public static class FuzzSeed
{
    public const string Variable = "RESERVATIONS_FUZZ_SEED";

    public static ulong Choose() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? ulong.Parse(text, CultureInfo.InvariantCulture)
            : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1;

    public static string Replay(ulong seed) => $"seed {seed}; replay with {Variable}={seed}";
}
