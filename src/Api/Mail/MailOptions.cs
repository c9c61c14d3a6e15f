using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Mail;

/// <summary>Outgoing e-mail (section "Mail").</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The sender, e.g. "Reservations &lt;onboarding@reservations.example&gt;".</summary>
    [Required(AllowEmptyStrings = false)]
    public string From { get; set; } = "Reservations <onboarding@reservations.invalid>";

    /// <summary>How often a sender looks for due messages when nothing woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether a mail server is configured.</summary>
    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);
}
