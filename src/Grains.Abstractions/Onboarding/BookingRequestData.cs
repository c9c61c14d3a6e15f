namespace Reservations.Grains.Onboarding;

/// <summary>What a business wrote in the marketing page's booking-request form.</summary>
[GenerateSerializer, Immutable, Alias("reservations.booking-request-data")]
public sealed record BookingRequestData(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] string Phone,
    [property: Id(3)] string EventType,
    [property: Id(4)] string EventDate,
    [property: Id(5)] string Message,
    [property: Id(6)] DateTimeOffset ReceivedAt);
