using System.Globalization;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Errors;
using Reservations.Grains.Security;

namespace Reservations.Api.Security;

/// <summary>The answer to a refused password check: 401 invalid_credentials, or 429 login_locked with Retry-After while the account is locked.</summary>
internal static class LoginRefusal
{
    public const string LockedDoc = "login_locked: too many failed password checks for this account; wait Retry-After seconds (the lock grows with each failure, up to 5 minutes).";

    public static ProblemResult For(HttpContext http, LoginResult result, string wrongDetail)
    {
        if (result.LockedFor is not { } lockedFor)
        {
            return ApiProblem.Of(StatusCodes.Status401Unauthorized, "invalid_credentials", wrongDetail);
        }

        http.Response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(lockedFor.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ApiProblem.Of(StatusCodes.Status429TooManyRequests, "login_locked", "Too many failed logins for this account; try again after Retry-After seconds.");
    }
}
