using Microsoft.Extensions.Options;
using Reservations.Api.Hosting;
using Reservations.Grains.Mail;

namespace Reservations.Api.Mail;

/// <summary>How request handlers send e-mail: queue it in the durable outbox and return; the sender does the rest.</summary>
internal sealed class MailOutbox(GrainReferences grains, MailNudge nudge, IOptions<MailOptions> options, ILogger<MailOutbox> logger)
{
    public async Task<long> QueueAsync(MailDraft draft)
    {
        var id = await grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key).EnqueueAsync(draft);
        if (options.Value.SmtpConfigured)
        {
            nudge.Nudge();
        }
        else
        {
            MailLog.KeptInOutbox(logger, id, draft.To, draft.Subject);
        }

        return id;
    }
}
