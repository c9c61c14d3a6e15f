using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Mail;

/// <summary>The mail server (section "Mail:Smtp"); without a host no mail is sent and messages wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered, TLS on 465), StartTls (required), SslOnConnect, or None.</summary>
    [RegularExpression("^(Auto|StartTls|SslOnConnect|None)$")]
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
