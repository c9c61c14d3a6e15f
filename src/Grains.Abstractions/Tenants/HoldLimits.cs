namespace Reservations.Grains.Tenants;

/// <summary>
/// How far an app's holds may be stretched: each <c>POST /extend-hold</c> adds <see cref="Extension"/>,
/// at most <see cref="MaxExtensions"/> times and never past <see cref="MaxTotal"/> after the grant;
/// <c>POST /payment-started</c> keeps a hold <see cref="PaymentGrace"/> from then. An app without
/// limits of its own has the engine's (the "Reservations" settings).
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.hold-limits")]
public sealed record HoldLimits(
    [property: Id(0)] int MaxExtensions,
    [property: Id(1)] TimeSpan Extension,
    [property: Id(2)] TimeSpan MaxTotal,
    [property: Id(3)] TimeSpan PaymentGrace);
