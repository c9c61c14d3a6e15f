namespace Reservations.Grains.Onboarding;

/// <summary>
/// What completing the wizard gave: when <see cref="Check"/> is Valid, the new app with its API key
/// and the organiser's password (both shown this once; the password is null when an earlier,
/// interrupted attempt made the account). When it is Used, the app made before, without secrets.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.activation-result")]
public sealed record ActivationResult(
    [property: Id(0)] LinkCheck Check,
    [property: Id(1)] string? AppId,
    [property: Id(2)] string? ApiKey,
    [property: Id(3)] string? OrganiserPassword);
