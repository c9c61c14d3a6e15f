using Reservations.Grains.Tenants;

namespace Reservations.Api.Contracts;

public sealed record AdminLoginRequest(string? Username, string? Password);

public sealed record CreateAppRequest(string? Name, string? Domain, IReadOnlyList<string?>? AllowedDomains);

public sealed record UpdateAppRequest(
    string? Name, IReadOnlyList<string?>? AllowedDomains, bool? Enabled, HoldLimitsJson? HoldLimits = null, string? Confirmation = null, AbuseLimitsJson? Limits = null);

/// <summary>An app's own hold limits, times in whole seconds; absent from an app that has the engine's.</summary>
public sealed record HoldLimitsJson(int? MaxExtensions, int? ExtensionSeconds, int? MaxTotalSeconds, int? PaymentGraceSeconds)
{
    public static HoldLimitsJson? From(HoldLimits? limits) => limits is null ? null : new(
        limits.MaxExtensions, (int)limits.Extension.TotalSeconds, (int)limits.MaxTotal.TotalSeconds, (int)limits.PaymentGrace.TotalSeconds);
}

/// <summary>
/// An app. <c>confirmation</c>: <c>any</c>, <c>server</c> or <c>signed</c> (what may confirm bookings);
/// <c>credentials</c>: which of the optional secrets have been issued (never their values).
/// </summary>
public sealed record AppResponse(
    string AppId, string Name, string Domain, IReadOnlyList<string> AllowedDomains, bool Enabled, DateTimeOffset CreatedAt, HoldLimitsJson? HoldLimits,
    string Confirmation, AppCredentialsJson Credentials, AbuseLimitsJson? Limits = null)
{
    public static AppResponse From(TenantView view) => new(
        view.AppId, view.Name, view.Domain.ToString().ToUpperInvariant(), view.AllowedOrigins, view.Enabled, view.CreatedAt, HoldLimitsJson.From(view.HoldLimits),
        ConfirmationModes.Name(view.Confirmation), new AppCredentialsJson(view.HasPublishableKey, view.HasSecretKey, view.HasSigningSecret), AbuseLimitsJson.From(view.Limits));
}

/// <summary>Whether the app has a publishable key, a secret key and a payment signing secret (its original key it always has).</summary>
public sealed record AppCredentialsJson(bool PublishableKey, bool SecretKey, bool SigningSecret);

/// <summary>The JSON names of <see cref="ConfirmationMode"/>.</summary>
public static class ConfirmationModes
{
    public static string Name(ConfirmationMode mode) => mode.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out ConfirmationMode mode)
    {
        foreach (var candidate in Enum.GetValues<ConfirmationMode>())
        {
            if (string.Equals(name, Name(candidate), StringComparison.Ordinal))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }
}

public sealed record CreatedAppResponse(
    string AppId, string ApiKey, string Name, string Domain, IReadOnlyList<string> AllowedDomains, bool Enabled, DateTimeOffset CreatedAt);

public sealed record RotateKeyResponse(string AppId, string ApiKey);

public sealed record PublishableKeyResponse(string AppId, string PublishableKey);

public sealed record SecretKeyResponse(string AppId, string SecretKey);

public sealed record SigningSecretResponse(string AppId, string SigningSecret);

public sealed record UsageResponse(
    string AppId, string Name, long Requests, long HoldsGranted, long HoldsRefused, long Releases, long Expiries, long Confirmations);

public sealed record SeedSeatRequest(
    string? SeatNumber, decimal? Price, string? Section = null, string? Row = null, int? Position = null, string? Category = null, bool? Accessible = null);

public sealed record SeedCategoryRequest(string? Name, decimal? Price);

public sealed record FocalPointRequest(string? Section, string? Row, int? Position);

public sealed record SeedDataRequest(
    string? AppId, string? EntityId, IReadOnlyList<SeedSeatRequest?>? Seats, IReadOnlyList<SeedCategoryRequest?>? Categories = null, FocalPointRequest? FocalPoint = null);

public sealed record SeededSeat(string SeatId, string SeatNumber, decimal Price, string? Category = null);

public sealed record SeedDataResponse(string AppId, string EntityId, IReadOnlyList<SeededSeat> Seats);
