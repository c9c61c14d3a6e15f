using System.Security.Claims;
using Reservations.Api.Errors;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Security;

/// <summary>
/// The kinds of app key, as the app key scheme's claims name them, and who may confirm a booking with
/// one: never a publishable key; the original key only while the app's <see cref="ConfirmationMode"/>
/// is <see cref="ConfirmationMode.Any"/>; the secret key unless it is <see cref="ConfirmationMode.Signed"/>.
/// </summary>
internal static class AppKeys
{
    /// <summary>The claim naming the kind of key the request carried.</summary>
    public const string KindClaim = "key_kind";

    /// <summary>The claim carrying the app's confirmation mode.</summary>
    public const string ConfirmationClaim = "confirmation";

    public const string Publishable = "publishable";
    public const string Secret = "secret";

    /// <summary>The key the app was created with, which works for everything by default (as before the kinds).</summary>
    public const string Original = "original";

    public const string PublishablePrefix = "pk_";

    public static readonly ProblemResult SecretKeyRequired = ApiProblem.Of(StatusCodes.Status403Forbidden, "secret_key_required",
        "Confirming a booking needs the app's secret key, from the app's server; a publishable key may not confirm.");

    public static readonly ProblemResult ServerKeyRequired = ApiProblem.Of(StatusCodes.Status403Forbidden, "secret_key_required",
        "This app confirms bookings only with its secret key (sk_server_…) or a signed payment notification.");

    public static readonly ProblemResult SignedNotificationRequired = ApiProblem.Of(StatusCodes.Status403Forbidden, "signed_notification_required",
        "This app confirms bookings only through signed payment notifications (POST /payment-notifications).");

    /// <summary>Why the caller's key may not confirm a booking, or null if it may.</summary>
    public static ProblemResult? ConfirmRefusal(ClaimsPrincipal user)
    {
        var identity = user.IdentityOf<AppIdentity>();
        return identity?.Confirmation == ConfirmationMode.Signed ? SignedNotificationRequired
            : identity?.Kind is Secret ? null
            : identity?.Kind is Original && identity.Confirmation == ConfirmationMode.Any ? null
            : identity?.Kind is Original ? ServerKeyRequired
            : SecretKeyRequired;
    }
}
