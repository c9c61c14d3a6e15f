using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reservations.Api.Hosting;
using Reservations.Silo.Storage;

namespace Reservations.Api.Security;

/// <summary>
/// Issues HMAC-SHA256 JWTs and holds what checking them takes (<see cref="ValidationParameters"/>, used by the
/// bearer token schemes, <see cref="ValidatedTokens"/>); times come from the silo's clock.
/// </summary>
internal sealed class TokenService
{
    public const string AppClaim = "app";
    public const string RoleClaim = "role";
    public const string AdminRole = "admin";
    private const string Audience = "reservations-api";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly JwtOptions _options;

    public TokenService(IOptions<JwtOptions> jwt, IOptions<StorageOptions> storage, TimeProvider time, ILogger<TokenService> logger)
    {
        _options = jwt.Value;
        _time = time;
        SigningKey = SigningKeyStore.Load(_options, storage.Value, logger);
        var key = new SymmetricSecurityKey(SigningKey);
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        ValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = IsWithinLifetime,
            // The identity's AuthenticationType names the scheme, so AppId() and UserId() tell the
            // app key's identity from the bearer token's when a request carries both.
            AuthenticationType = ApiAuthentication.BearerScheme,
            NameClaimType = JwtRegisteredClaimNames.Sub,
            RoleClaimType = RoleClaim,
        };
    }

    /// <summary>What the bearer token schemes check: our issuer and audience, HMAC-SHA256 with our key, a lifetime by the engine's clock.</summary>
    public TokenValidationParameters ValidationParameters { get; }

    /// <summary>The server's secret key, also the root of keys derived for other purposes (stored idempotent answers).</summary>
    public byte[] SigningKey { get; }

    /// <summary>A user's token, carrying the account's session version (<see cref="SessionVersions"/>).</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueUser(string userId, string appId, int sessionVersion = 0) =>
        Issue(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = userId, [AppClaim] = appId, [SessionVersions.VersionClaim] = sessionVersion,
        }, _options.Lifetime);

    /// <summary>The admin's token: short-lived (<see cref="JwtOptions.AdminLifetime"/>), carrying the account's session version.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueAdmin(string username, int sessionVersion = 0) =>
        Issue(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = username, [RoleClaim] = AdminRole, [SessionVersions.VersionClaim] = sessionVersion,
        }, _options.AdminLifetime);

    private (string Token, DateTimeOffset ExpiresAt) Issue(Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var expires = now + lifetime;
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

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now < exp && (notBefore is not { } nbf || nbf <= now);
    }
}
