using Reservations.Grains.Mail;

namespace Reservations.Api.Mail;

/// <summary>Hands one message to a mail server; throws if it was not accepted.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
