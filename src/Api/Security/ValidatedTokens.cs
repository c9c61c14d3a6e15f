using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reservations.Api.Security;

/// <summary>
/// Bearer tokens that validated, by their text. A token that validated once stays valid until it
/// expires (the key never changes while the process runs), so its signature is checked once per token,
/// not once per request; the expiry is still checked on every use, by the engine's clock. Looked up by
/// the header's characters, so a request whose token is known allocates nothing here.
/// </summary>
internal sealed class ValidatedTokens
{
    private const int MaxCachedTokens = 50_000;

    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ValidatedToken>.AlternateLookup<ReadOnlySpan<char>> _byText;
    private readonly IdentityTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _time;

    public ValidatedTokens(TokenService tokens, TimeProvider time)
    {
        _parameters = tokens.ValidationParameters;
        _time = time;
        _byText = _validated.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The token if it validated before and has not expired since.</summary>
    public ValidatedToken? Find(ReadOnlySpan<char> token)
    {
        if (!_byText.TryGetValue(token, out var found))
        {
            return null;
        }

        if (_time.GetUtcNow() < found.ExpiresAt)
        {
            return found;
        }

        _byText.TryRemove(token, out _);
        return null;
    }

    /// <summary>Checks a token not seen before (signature, issuer, audience, lifetime); null when it is not valid.</summary>
    public async Task<ValidatedToken?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.ClaimsIdentity is not TokenIdentity identity)
        {
            return null;
        }

        if (_validated.Count >= MaxCachedTokens)
        {
            _validated.Clear();
        }

        var validated = new ValidatedToken(identity, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
        _validated[token] = validated;
        return validated;
    }

    /// <summary>Makes the identity of a valid token a <see cref="TokenIdentity"/>, its claims read once.</summary>
    private sealed class IdentityTokenHandler : JsonWebTokenHandler
    {
        protected override ClaimsIdentity CreateClaimsIdentity(JsonWebToken jwtToken, TokenValidationParameters validationParameters) =>
            new TokenIdentity(base.CreateClaimsIdentity(jwtToken, validationParameters));

        protected override ClaimsIdentity CreateClaimsIdentity(JsonWebToken jwtToken, TokenValidationParameters validationParameters, string issuer) =>
            new TokenIdentity(base.CreateClaimsIdentity(jwtToken, validationParameters, issuer));
    }
}

/// <summary>A valid token's identity and the authentication success every request carrying it shares.</summary>
internal sealed class ValidatedToken(TokenIdentity identity, DateTimeOffset expiresAt)
{
    public TokenIdentity Identity { get; } = identity;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public Task<AuthenticateResult> Success { get; } =
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiAuthentication.BearerScheme)));
}
