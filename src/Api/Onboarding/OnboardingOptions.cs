using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Onboarding;

/// <summary>Settings of the public marketing and onboarding endpoints (section "Onboarding").</summary>
public sealed class OnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>The address links in e-mails start with, e.g. https://reservations.example; by default the request's own scheme and host.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How many form posts (booking requests, contact messages, reviews) one client address may make per window.</summary>
    [Range(1, 100_000)]
    public int FormPermitsPerAddress { get; set; } = 10;

    /// <summary>How many wizard calls (prefill, steps, complete) one client address may make per window.</summary>
    [Range(1, 100_000)]
    public int WizardPermitsPerAddress { get; set; } = 300;

    /// <summary>The window of both per-address limits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many form posts may name one e-mail address per window.</summary>
    [Range(1, 100_000)]
    public int FormPermitsPerEmail { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromHours(1);
}
