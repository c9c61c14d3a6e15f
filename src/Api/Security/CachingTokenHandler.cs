using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reservations.Api.Security;

/// <summary>
/// The JwtBearer schemes' token handler. A token string that validated once stays valid until it
/// expires (the key never changes while the process runs), so its signature is checked once per
/// token, not once per request; the expiry is still checked on every use, by the engine's clock.
/// </summary>
internal sealed class CachingTokenHandler(TimeProvider time) : JsonWebTokenHandler
{
    private const int MaxCachedTokens = 50_000;
    private const int MaxTokenLength = 4096;

    private readonly ConcurrentDictionary<string, CachedResult> _validated = new(StringComparer.Ordinal);

    private static readonly TokenValidationResult TooLong = new() { IsValid = false, Exception = new SecurityTokenMalformedException("The token is too long.") };

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (token is null || token.Length > MaxTokenLength)
        {
            return TooLong;
        }

        if (_validated.TryGetValue(token, out var cached))
        {
            if (time.GetUtcNow() < cached.ExpiresAt)
            {
                return cached.Result;
            }

            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid)
        {
            // Made now, while one thread holds the result: requests that share it only read it.
            _ = result.ClaimsIdentity;
            if (_validated.Count >= MaxCachedTokens)
            {
                _validated.Clear();
            }

            _validated[token] = new CachedResult(result, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
        }

        return result;
    }

    /// <summary>The identity of a token that validated: made once per token, as its result is cached.</summary>
    protected override ClaimsIdentity CreateClaimsIdentity(JsonWebToken jwtToken, TokenValidationParameters validationParameters) =>
        new TokenIdentity(base.CreateClaimsIdentity(jwtToken, validationParameters));

    protected override ClaimsIdentity CreateClaimsIdentity(JsonWebToken jwtToken, TokenValidationParameters validationParameters, string issuer) =>
        new TokenIdentity(base.CreateClaimsIdentity(jwtToken, validationParameters, issuer));

    private sealed record CachedResult(TokenValidationResult Result, DateTimeOffset ExpiresAt);
}
