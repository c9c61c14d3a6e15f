using Reservations.Api.Errors;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Contracts;

/// <summary>An app's own abuse limits (the window in whole seconds); absent from an app that has the engine's.</summary>
public sealed record AbuseLimitsJson(
    int? MaxHoldsPerUser,
    int? WindowSeconds,
    int? SignupsPerAddress,
    int? SignupsPerAccount,
    int? LoginsPerAddress,
    int? LoginsPerAccount,
    int? HoldsPerAddress,
    int? HoldsPerAccount)
{
    private const int MaxHolds = 1000;
    private const int MaxWindowSeconds = 86_400;
    private const int MaxPermits = 1_000_000;

    public static AbuseLimitsJson? From(AbuseLimits? limits) => limits is null ? null : new(
        limits.MaxHoldsPerUser, (int)limits.Window.TotalSeconds, limits.SignupsPerAddress, limits.SignupsPerAccount,
        limits.LoginsPerAddress, limits.LoginsPerAccount, limits.HoldsPerAddress, limits.HoldsPerAccount);

    /// <summary>All members or none, each within bounds.</summary>
    internal static ProblemResult? Parse(AbuseLimitsJson? json, out AbuseLimits? limits)
    {
        limits = null;
        if (json is null)
        {
            return null;
        }

        if (json is not
            {
                MaxHoldsPerUser: { } holds, WindowSeconds: { } window, SignupsPerAddress: { } signupsPerAddress, SignupsPerAccount: { } signupsPerAccount,
                LoginsPerAddress: { } loginsPerAddress, LoginsPerAccount: { } loginsPerAccount, HoldsPerAddress: { } holdsPerAddress, HoldsPerAccount: { } holdsPerAccount,
            })
        {
            return ApiProblem.Validation(
                "limits needs maxHoldsPerUser, windowSeconds, signupsPerAddress, signupsPerAccount, loginsPerAddress, loginsPerAccount, holdsPerAddress and holdsPerAccount.");
        }

        int[] permits = [signupsPerAddress, signupsPerAccount, loginsPerAddress, loginsPerAccount, holdsPerAddress, holdsPerAccount];
        if (holds is < 1 or > MaxHolds || window is < 1 or > MaxWindowSeconds || permits.Any(p => p is < 1 or > MaxPermits))
        {
            return ApiProblem.Validation($"limits: maxHoldsPerUser 1 to {MaxHolds}; windowSeconds 1 to {MaxWindowSeconds}; every rate 1 to {MaxPermits} per window.");
        }

        limits = new AbuseLimits(
            holds, TimeSpan.FromSeconds(window), signupsPerAddress, signupsPerAccount, loginsPerAddress, loginsPerAccount, holdsPerAddress, holdsPerAccount);
        return null;
    }
}
