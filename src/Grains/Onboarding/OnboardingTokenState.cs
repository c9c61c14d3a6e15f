namespace Reservations.Grains.Onboarding;

/// <summary>A link's token record (the grain key is the token's hash; the token is nowhere).</summary>
[GenerateSerializer, Alias("reservations.onboarding-token-state")]
public sealed class OnboardingTokenState
{
    [Id(0)]
    public long BookingId { get; set; }

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(2)]
    public bool Revoked { get; set; }
}
