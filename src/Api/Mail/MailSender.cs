using Microsoft.Extensions.Options;
using Reservations.Api.Hosting;
using Reservations.Grains.Mail;

namespace Reservations.Api.Mail;

/// <summary>
/// Sends the outbox's due messages, in the background of every API process when a mail server is
/// configured. Messages are claimed for a lease, so processes never send one message twice at once,
/// and one whose sender died is due again when the lease ends.
/// </summary>
internal sealed class MailSender(
    GrainReferences grains, IMailTransport transport, MailNudge nudge, IOptions<MailOptions> options, ILogger<MailSender> logger) : BackgroundService
{
    private const int Batch = 10;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SmtpConfigured)
        {
            MailLog.NotConfigured(logger);
            return;
        }

        var outbox = grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var message in await outbox.ClaimDueAsync(Batch, Lease))
                {
                    await SendAsync(outbox, message, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                MailLog.OutboxUnreachable(logger, exception);
            }

            try
            {
                await nudge.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendAsync(IMailOutboxGrain outbox, OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await transport.SendAsync(message, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            MailLog.SendFailed(logger, exception, message.Id, message.To, message.Attempts + 1);
            await outbox.MarkFailedAsync(message.Id, exception.GetType().Name + ": " + exception.Message);
            return;
        }

        await outbox.MarkSentAsync(message.Id);
        MailLog.Sent(logger, message.Id, message.To);
    }
}
