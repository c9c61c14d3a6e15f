using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reservations.Api.Mail;

public static class MailExtensions
{
    /// <summary>The outbox handlers queue into, and the background sender (idle without Mail:Smtp:Host).</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailNudge>();
        services.AddSingleton<MailOutbox>();
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddHostedService<MailSender>();
        return services;
    }
}
