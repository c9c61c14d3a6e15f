namespace Reservations.Api.Mail;

internal static partial class MailLog
{
    // Never the body: it may carry an onboarding link.
    [LoggerMessage(3101, LogLevel.Information, "E-mail {MessageId} to {Recipient} ({Subject}) is kept in the outbox: Mail:Smtp:Host is not set; the admin sees it at /admin#onboarding")]
    public static partial void KeptInOutbox(ILogger logger, long messageId, string recipient, string subject);

    [LoggerMessage(3102, LogLevel.Information, "E-mail {MessageId} to {Recipient} sent")]
    public static partial void Sent(ILogger logger, long messageId, string recipient);

    [LoggerMessage(3103, LogLevel.Warning, "E-mail {MessageId} to {Recipient} was not sent (attempt {Attempt}); it is retried with backoff")]
    public static partial void SendFailed(ILogger logger, Exception exception, long messageId, string recipient, int attempt);

    [LoggerMessage(3104, LogLevel.Warning, "The mail sender could not reach the outbox; it tries again")]
    public static partial void OutboxUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(3105, LogLevel.Information, "Mail:Smtp:Host is not set: e-mails stay in the outbox")]
    public static partial void NotConfigured(ILogger logger);
}
