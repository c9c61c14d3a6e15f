namespace Reservations.Api.Endpoints;

/// <summary>
/// How often a seat call rejected because a silo is stopping or gone is sent: the first rejection
/// may come from the seat's own silo, the next from its page's while the seat reactivates.
/// </summary>
internal static class SiloLeaving
{
    public const int Attempts = 3;
}
