namespace Reservations.Grains.Onboarding;

/// <summary>The last id given out and the listed ids, oldest first.</summary>
[GenerateSerializer, Alias("reservations.booking-request-list-state")]
public sealed class BookingRequestListState
{
    [Id(0)]
    public long LastId { get; set; }

    [Id(1)]
    public List<long> Ids { get; set; } = [];
}
