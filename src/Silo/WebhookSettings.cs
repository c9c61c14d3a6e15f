using System.ComponentModel.DataAnnotations;

namespace Reservations.Silo;

/// <summary>
/// Webhooks (section "Webhooks"). SigningKey is base64 of at least 32 bytes; every endpoint's secret
/// is derived from it. Unset, a key file in the data directory is used, which a cluster's silos do
/// not share: with Redis membership it must be set.
/// </summary>
public sealed class WebhookSettings : IValidatableObject
{
    public const string SectionName = "Webhooks";

    public const string KeyFileName = "webhook-signing.key";

    public string? SigningKey { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(SigningKey))
        {
            yield break;
        }

        var bytes = new byte[SigningKey.Length];
        if (!Convert.TryFromBase64String(SigningKey, bytes, out var length) || length < 32)
        {
            yield return new ValidationResult("Webhooks:SigningKey must be base64 of at least 32 bytes.", [nameof(SigningKey)]);
        }
    }
}
