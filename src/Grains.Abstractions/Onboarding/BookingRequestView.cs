namespace Reservations.Grains.Onboarding;

/// <summary>A booking request and its onboarding state, for the admin (never a token).</summary>
[GenerateSerializer, Immutable, Alias("reservations.booking-request-view")]
public sealed record BookingRequestView(
    [property: Id(0)] long BookingId,
    [property: Id(1)] BookingRequestData Request,
    [property: Id(2)] OnboardingStatus Status,
    [property: Id(3)] int CurrentStep,
    [property: Id(4)] int LinksSent,
    [property: Id(5)] DateTimeOffset LinkExpiresAt,
    [property: Id(6)] string? AppId,
    [property: Id(7)] DateTimeOffset? ActivatedAt);
