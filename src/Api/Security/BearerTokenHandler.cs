using Microsoft.AspNetCore.Authentication;
using Reservations.Api.Errors;

namespace Reservations.Api.Security;

/// <summary>
/// The bearer token schemes: `Authorization: Bearer` names a token that validates (<see cref="ValidatedTokens"/>)
/// and whose session was not revoked (<see cref="SessionVersions"/>). The admin page scheme also reads the
/// admin cookie when no header is sent (<see cref="AdminPageCookie"/>). It replaces JwtBearer: that handler
/// copied the token, cloned its validation parameters and made events, contexts and a ticket on every
/// request, 18 % of what a hot-seat request allocated (docs/performance.md); this one answers a known
/// token with the success made when it first validated.
/// </summary>
internal sealed class BearerTokenHandler(ValidatedTokens tokens, SessionVersions sessions) : IAuthenticationHandler
{
    private const int MaxTokenLength = 4096;

    private static readonly Task<AuthenticateResult> NoToken = Task.FromResult(AuthenticateResult.NoResult());
    private static readonly Task<AuthenticateResult> Invalid = Task.FromResult(AuthenticateResult.Fail("The token is not valid."));
    private static readonly Task<AuthenticateResult> Revoked = Task.FromResult(AuthenticateResult.Fail("The session was revoked."));

    private static readonly ProblemResult AdminTokenRequired = ApiProblem.Of(StatusCodes.Status401Unauthorized, "invalid_token", "An admin bearer token is required.");
    private static readonly ProblemResult AdminPageRequired = ApiProblem.Of(
        StatusCodes.Status401Unauthorized, "invalid_token", "An admin bearer token, or the admin cookie that logging in at /admin/login sets, is required.");
    private static readonly ProblemResult Forbidden = ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "You may not do that.");

    private HttpContext _context = null!;
    private bool _readsCookie;
    private Task<AuthenticateResult>? _result;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        _readsCookie = scheme.Name == ApiAuthentication.AdminPageScheme;
        return Task.CompletedTask;
    }

    /// <summary>Once per request: the authorization policy and a refusal's challenge share the result.</summary>
    public Task<AuthenticateResult> AuthenticateAsync() => _result ??= AuthenticateOnce();

    private Task<AuthenticateResult> AuthenticateOnce()
    {
        var header = _context.Request.Headers.Authorization;
        ReadOnlySpan<char> token;
        if (header.Count == 0)
        {
            // A browser opening an admin page sends the cookie; a bearer header, when there is one, decides.
            if (!_readsCookie || AdminPageCookie.Read(_context) is not { Length: > 0 } cookie)
            {
                return NoToken;
            }

            token = cookie;
        }
        else
        {
            var value = header.Count == 1 ? header[0].AsSpan() : default;
            if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return NoToken;
            }

            token = value[7..].Trim();
        }

        if (token.IsEmpty || token.Length > MaxTokenLength)
        {
            return token.IsEmpty ? NoToken : Invalid;
        }

        return tokens.Find(token) is { } known ? IfCurrent(known) : ValidateAsync(token.ToString());
    }

    private async Task<AuthenticateResult> ValidateAsync(string token) =>
        await tokens.ValidateAsync(token) is { } validated ? await IfCurrent(validated) : await Invalid;

    /// <summary>A token of a revoked session (password changed, logged out everywhere) is refused like a bad one.</summary>
    private Task<AuthenticateResult> IfCurrent(ValidatedToken token)
    {
        var current = sessions.IsCurrentAsync(token.Identity);
        if (current.IsCompletedSuccessfully)
        {
            return current.Result ? token.Success : Revoked;
        }

        return AwaitCurrent(current, token);

        static async Task<AuthenticateResult> AwaitCurrent(ValueTask<bool> current, ValidatedToken token) =>
            await current ? await token.Success : await Revoked;
    }

    public Task ChallengeAsync(AuthenticationProperties? properties)
    {
        var requirement = _context.GetEndpoint()?.Metadata.GetMetadata<AuthRequirementMetadata>()?.Requirement;
        var refusal = requirement switch
        {
            AuthRequirement.AdminPage => AdminPageRequired,
            AuthRequirement.Admin => AdminTokenRequired,
            _ => ApiProblem.InvalidToken,
        };
        return refusal.ExecuteAsync(_context);
    }

    public Task ForbidAsync(AuthenticationProperties? properties) => Forbidden.ExecuteAsync(_context);
}
