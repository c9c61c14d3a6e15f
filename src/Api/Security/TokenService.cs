using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reservations.Api.Hosting;
using Reservations.Silo.Storage;

namespace Reservations.Api.Security;

/// <summary>Who a valid bearer token says the caller is.</summary>
internal sealed record TokenIdentity(string Subject, string? AppId, string? Role);

/// <summary>Issues and checks HMAC-SHA256 JWTs; times come from the silo's clock.</summary>
internal sealed class TokenService
{
    public const string AppClaim = "app";
    public const string RoleClaim = "role";
    public const string AdminRole = "admin";
    private const string Audience = "reservations-api";
    private const int MaxCachedTokens = 50_000;

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly JwtOptions _options;

    // A token string that validated once stays valid until it expires (the key never changes while
    // the process runs), so the signature is checked once per token, not once per request.
    private readonly ConcurrentDictionary<string, ValidatedToken> _validated;
    private readonly ConcurrentDictionary<string, ValidatedToken>.AlternateLookup<ReadOnlySpan<char>> _validatedByCharacters;

    public TokenService(IOptions<JwtOptions> jwt, IOptions<StorageOptions> storage, TimeProvider time, ILogger<TokenService> logger)
    {
        _options = jwt.Value;
        _time = time;
        _validated = new ConcurrentDictionary<string, ValidatedToken>(StringComparer.Ordinal);
        _validatedByCharacters = _validated.GetAlternateLookup<ReadOnlySpan<char>>();
        var key = new SymmetricSecurityKey(SigningKeyStore.Load(_options, storage.Value, logger));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = IsWithinLifetime,
        };
    }

    public (string Token, DateTimeOffset ExpiresAt) IssueUser(string userId, string appId) =>
        Issue(new Dictionary<string, object>(StringComparer.Ordinal) { [JwtRegisteredClaimNames.Sub] = userId, [AppClaim] = appId });

    public (string Token, DateTimeOffset ExpiresAt) IssueAdmin(string username) =>
        Issue(new Dictionary<string, object>(StringComparer.Ordinal) { [JwtRegisteredClaimNames.Sub] = username, [RoleClaim] = AdminRole });

    /// <summary>
    /// The token's identity, or null when it is forged, expired or malformed. A token seen before is
    /// found by its characters, without making a string of them.
    /// </summary>
    public ValueTask<TokenIdentity?> ValidateAsync(ReadOnlySpan<char> token)
    {
        if (token.Length is 0 or > 4096)
        {
            return ValueTask.FromResult<TokenIdentity?>(null);
        }

        if (_validatedByCharacters.TryGetValue(token, out var cached))
        {
            return ValueTask.FromResult(_time.GetUtcNow() < cached.ExpiresAt ? cached.Identity : null);
        }

        return new ValueTask<TokenIdentity?>(ValidateNewAsync(token.ToString()));
    }

    private async Task<TokenIdentity?> ValidateNewAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid || !result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var subject) || subject is not string sub)
        {
            return null;
        }

        var identity = new TokenIdentity(
            sub,
            result.Claims.TryGetValue(AppClaim, out var app) ? app as string : null,
            result.Claims.TryGetValue(RoleClaim, out var role) ? role as string : null);
        if (_validated.Count >= MaxCachedTokens)
        {
            _validated.Clear();
        }

        _validated[token] = new ValidatedToken(identity, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
        return identity;
    }

    private (string Token, DateTimeOffset ExpiresAt) Issue(Dictionary<string, object> claims)
    {
        var now = _time.GetUtcNow();
        var expires = now + _options.Lifetime;
        claims[JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N");
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
        });
        // JWT times are whole seconds.
        return (token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    private sealed record ValidatedToken(TokenIdentity Identity, DateTimeOffset ExpiresAt);

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now < exp && (notBefore is not { } nbf || nbf <= now);
    }
}
