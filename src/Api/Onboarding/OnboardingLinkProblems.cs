using Reservations.Api.Errors;
using Reservations.Grains.Onboarding;

namespace Reservations.Api.Onboarding;

/// <summary>What the wizard's endpoints answer for a link that cannot be used, each saying what to do.</summary>
internal static class OnboardingLinkProblems
{
    public static readonly ProblemResult TokenRequired = ApiProblem.Validation("token is required: open the link from your e-mail or the booking confirmation.");

    public static readonly ProblemResult NotFound = ApiProblem.NotFound(
        "link_not_found", "No onboarding link has this token; check that the whole link was copied.");

    public static readonly ProblemResult Expired = ApiProblem.Of(StatusCodes.Status410Gone,
        "link_expired", "This onboarding link expired: links are valid for 24 hours. Send the booking form again or ask us to resend the link.");

    public static readonly ProblemResult Replaced = ApiProblem.Of(StatusCodes.Status410Gone,
        "link_replaced", "A newer onboarding link was sent for this request; use the link in the latest e-mail.");

    public static readonly ProblemResult Used = ApiProblem.Of(StatusCodes.Status410Gone,
        "link_used", "This onboarding link was used to activate an app; it cannot be used again.");

    public static ProblemResult For(LinkCheck check) => check switch
    {
        LinkCheck.Expired => Expired,
        LinkCheck.Replaced => Replaced,
        LinkCheck.Used => Used,
        _ => NotFound,
    };

    /// <summary>Whether the text could be a token we issued (base64url of 32 bytes); anything else names no link and reaches no grain.</summary>
    public static bool IsTokenShaped(string token) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
