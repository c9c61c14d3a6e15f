namespace Reservations.Grains.Tenants;

/// <summary>
/// What one app's callers may do: at most <see cref="MaxHoldsPerUser"/> live holds per user, and per
/// <see cref="Window"/> so many signups, logins and holds per client address and per account. An app
/// without limits of its own has the engine's (the "Limits" settings).
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.abuse-limits")]
public sealed record AbuseLimits(
    [property: Id(0)] int MaxHoldsPerUser,
    [property: Id(1)] TimeSpan Window,
    [property: Id(2)] int SignupsPerAddress,
    [property: Id(3)] int SignupsPerAccount,
    [property: Id(4)] int LoginsPerAddress,
    [property: Id(5)] int LoginsPerAccount,
    [property: Id(6)] int HoldsPerAddress,
    [property: Id(7)] int HoldsPerAccount);
