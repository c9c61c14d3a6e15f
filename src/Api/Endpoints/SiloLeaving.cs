using Orleans.Runtime;

namespace Reservations.Api.Endpoints;

/// <summary>
/// How often a seat call rejected because a silo is stopping or gone is sent: the first rejection
/// may come from the seat's own silo, the next from its page's while the seat reactivates.
/// </summary>
internal static class SiloLeaving
{
    public const int Attempts = 3;

    /// <summary>Sends an idempotent call again when a leaving silo rejected it (the group routes; the seat routes inline this loop).</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (OrleansMessageRejectionException) when (attempt < Attempts)
            {
                // See SeatEndpoints.ReserveAsync.
            }
        }
    }
}
