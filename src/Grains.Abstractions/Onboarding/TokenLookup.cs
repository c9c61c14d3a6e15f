namespace Reservations.Grains.Onboarding;

/// <summary>Which booking request a token's hash names, and whether the link is still alive.</summary>
[GenerateSerializer, Immutable, Alias("reservations.token-lookup")]
public sealed record TokenLookup([property: Id(0)] LinkCheck Check, [property: Id(1)] long BookingId);
