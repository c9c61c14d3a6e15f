using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>Hand-made JWTs: forged (wrong key) or expired, to check the API refuses them.</summary>
public static class Tokens
{
    public static string Sign(string base64Key, string appId, string userId, DateTimeOffset expires)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "reservations",
            Audience = "reservations-api",
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("app", appId)]),
            IssuedAt = expires.AddHours(-1).UtcDateTime,
            NotBefore = expires.AddHours(-1).UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
