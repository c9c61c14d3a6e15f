using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Hosting;

/// <summary>
/// Bounds the password hashing of signups and logins (section "PasswordHashing"). Each costs about
/// 0.3 s of CPU (PBKDF2, 600,000 iterations), so a burst of them must queue rather than take every
/// core from the seat calls; past the queue, callers get 429.
/// </summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "PasswordHashing";

    /// <summary>Signups and logins hashing at once; 0 means one per processor.</summary>
    [Range(0, 1024)]
    public int MaxConcurrent { get; set; }

    /// <summary>How many more may wait for their turn.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 1000;
}
