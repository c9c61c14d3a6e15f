using System.Collections.Immutable;

namespace Reservations.Grains.Onboarding;

/// <summary>
/// A wizard's view of its booking request: the link's check and, when it is valid, the request, the
/// highest step saved and each saved step's answers (JSON, as the API validated them).
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.onboarding-session")]
public sealed record OnboardingSession(
    [property: Id(0)] LinkCheck Check,
    [property: Id(1)] long BookingId,
    [property: Id(2)] BookingRequestData? Request,
    [property: Id(3)] int CurrentStep,
    [property: Id(4)] ImmutableDictionary<int, string> Answers,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string? AppId)
{
    /// <summary>A session for a link that is not valid.</summary>
    public static OnboardingSession Refused(LinkCheck check, long bookingId = 0, string? appId = null) =>
        new(check, bookingId, null, 0, ImmutableDictionary<int, string>.Empty, default, appId);
}
