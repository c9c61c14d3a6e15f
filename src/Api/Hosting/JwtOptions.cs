using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Hosting;

/// <summary>Bearer tokens (section "Jwt"). SigningKey is base64 of at least 32 bytes; unset, a key file in the data directory is used.</summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string SectionName = "Jwt";

    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

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
