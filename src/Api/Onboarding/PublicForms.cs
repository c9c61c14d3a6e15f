using Reservations.Api.Errors;

namespace Reservations.Api.Onboarding;

/// <summary>The checks every public form post passes before it is stored: the honeypot and the per-address e-mail limit.</summary>
internal static class PublicForms
{
    public const int MaxBodyBytes = 16 * 1024;

    public static readonly ProblemResult HoneypotFilled = ApiProblem.Of(
        StatusCodes.Status400BadRequest, "honeypot_filled", "The website field must stay empty; it is there to catch automated posts.");

    /// <summary>A refusal when the honeypot is filled or the e-mail address has used its permits; null to go on.</summary>
    public static ProblemResult? Screen(HttpContext context, string? honeypot, string email, ILogger logger)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            OnboardingLog.HoneypotFilled(logger, context.Request.Path);
            return HoneypotFilled;
        }

        return context.RequestServices.GetRequiredService<EmailRateLimiter>().TryAcquire(email) ? null : PublicFormLimits.TooMany("this e-mail address");
    }
}
