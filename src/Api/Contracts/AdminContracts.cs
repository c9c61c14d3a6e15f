using Reservations.Grains.Tenants;

namespace Reservations.Api.Contracts;

public sealed record AdminLoginRequest(string? Username, string? Password);

public sealed record CreateAppRequest(string? Name, string? Domain, IReadOnlyList<string?>? AllowedDomains);

public sealed record UpdateAppRequest(
    string? Name, IReadOnlyList<string?>? AllowedDomains, bool? Enabled, HoldLimitsJson? HoldLimits = null, AbuseLimitsJson? Limits = null);

/// <summary>An app's own hold limits, times in whole seconds; absent from an app that has the engine's.</summary>
public sealed record HoldLimitsJson(int? MaxExtensions, int? ExtensionSeconds, int? MaxTotalSeconds, int? PaymentGraceSeconds)
{
    public static HoldLimitsJson? From(HoldLimits? limits) => limits is null ? null : new(
        limits.MaxExtensions, (int)limits.Extension.TotalSeconds, (int)limits.MaxTotal.TotalSeconds, (int)limits.PaymentGrace.TotalSeconds);
}

public sealed record AppResponse(
    string AppId, string Name, string Domain, IReadOnlyList<string> AllowedDomains, bool Enabled, DateTimeOffset CreatedAt, HoldLimitsJson? HoldLimits,
    AbuseLimitsJson? Limits = null)
{
    public static AppResponse From(TenantView view) => new(
        view.AppId, view.Name, view.Domain.ToString().ToUpperInvariant(), view.AllowedOrigins, view.Enabled, view.CreatedAt, HoldLimitsJson.From(view.HoldLimits),
        AbuseLimitsJson.From(view.Limits));
}

public sealed record CreatedAppResponse(
    string AppId, string ApiKey, string Name, string Domain, IReadOnlyList<string> AllowedDomains, bool Enabled, DateTimeOffset CreatedAt);

public sealed record RotateKeyResponse(string AppId, string ApiKey);

public sealed record UsageResponse(
    string AppId, string Name, long Requests, long HoldsGranted, long HoldsRefused, long Releases, long Expiries, long Confirmations);

public sealed record SeedSeatRequest(string? SeatNumber, decimal? Price);

public sealed record SeedDataRequest(string? AppId, string? EntityId, IReadOnlyList<SeedSeatRequest?>? Seats);

public sealed record SeededSeat(string SeatId, string SeatNumber, decimal Price);

public sealed record SeedDataResponse(string AppId, string EntityId, IReadOnlyList<SeededSeat> Seats);
