using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Reservations.Grains.Sessions;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Security;

/// <summary>
/// The app key scheme's identity: the app, the kind of key (<see cref="AppKeys"/>) and the app's
/// confirmation mode, readable without searching the claims. The policies and the endpoints ask for
/// them on every request, and a claim search allocates.
/// </summary>
internal sealed class AppIdentity(string appId, string kind, ConfirmationMode confirmation)
    : ClaimsIdentity([new Claim(TokenService.AppClaim, appId), new Claim(AppKeys.KindClaim, kind), new Claim(AppKeys.ConfirmationClaim, confirmation.ToString())],
        ApiAuthentication.ApiKeyScheme)
{
    public string AppId { get; } = appId;

    public string Kind { get; } = kind;

    public ConfirmationMode Confirmation { get; } = confirmation;
}

/// <summary>
/// A validated bearer token's identity, with the claims the policies ask about read once: the token
/// handler makes one per token and the bearer token schemes reuse it for every request that carries it.
/// </summary>
internal sealed class TokenIdentity(ClaimsIdentity validated) : ClaimsIdentity(validated)
{
    public string? Subject { get; } = validated.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;

    public string? AppId { get; } = validated.FindFirst(TokenService.AppClaim)?.Value;

    public bool IsAdmin { get; } = validated.HasClaim(TokenService.RoleClaim, TokenService.AdminRole);

    /// <summary>A user's token has a subject and no role.</summary>
    public bool IsUser { get; } = validated.FindFirst(TokenService.RoleClaim) is null;

    /// <summary>The account whose sessions the token belongs to (<see cref="SessionVersions"/>): the admin's, or a user's of an app.</summary>
    public string? Account { get; } = AccountOf(validated);

    /// <summary>The account's session version when the token was given.</summary>
    public int SessionVersion { get; } =
        int.TryParse(validated.FindFirst(SessionVersions.VersionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;

    private static string? AccountOf(ClaimsIdentity validated)
    {
        if (validated.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is not { } subject)
        {
            return null;
        }

        return validated.HasClaim(TokenService.RoleClaim, TokenService.AdminRole)
            ? SessionKeys.Admin(subject)
            : validated.FindFirst(TokenService.AppClaim)?.Value is { } app ? SessionKeys.User(app, subject) : null;
    }
}

internal static class CallerIdentityExtensions
{
    /// <summary>The identity a scheme authenticated, when a request's policy used several.</summary>
    public static TIdentity? IdentityOf<TIdentity>(this ClaimsPrincipal user) where TIdentity : ClaimsIdentity
    {
        // The principal keeps its identities in a list; walking it as a list allocates no enumerator.
        if (user.Identities is List<ClaimsIdentity> identities)
        {
            foreach (var identity in identities)
            {
                if (identity is TIdentity found)
                {
                    return found;
                }
            }

            return null;
        }

        return user.Identities.OfType<TIdentity>().FirstOrDefault();
    }
}
