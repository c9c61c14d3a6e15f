using Reservations.Api.Mail;

namespace Reservations.Api.Onboarding;

public static class OnboardingExtensions
{
    /// <summary>The marketing and onboarding endpoints' settings, JSON, rate limits and the mail outbox.</summary>
    public static WebApplicationBuilder AddOnboarding(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OnboardingOptions>().BindConfiguration(OnboardingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, OnboardingJsonContext.Default));
        services.AddPublicFormLimits();
        services.AddMail();
        return builder;
    }
}
