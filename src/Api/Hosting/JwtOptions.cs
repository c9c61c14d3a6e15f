using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Hosting;

/// <summary>
/// Bearer tokens (section "Jwt"). SigningKey is base64 of at least 32 bytes; unset, a key file in the
/// data directory is used. Lifetime is a user token's, AdminLifetime the admin's.
/// </summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string SectionName = "Jwt";

    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an admin token lasts: short, since it opens every app; the dashboard asks to log in again after it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AdminLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Required(AllowEmptyStrings = false)]
    public string Issuer { get; set; } = "reservations";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(SigningKey))
        {
            yield break;
        }

        var bytes = new byte[SigningKey.Length];
        if (!Convert.TryFromBase64String(SigningKey, bytes, out var length) || length < 32)
        {
            yield return new ValidationResult("Jwt:SigningKey must be base64 of at least 32 bytes.", [nameof(SigningKey)]);
        }
    }
}
