namespace Reservations.Grains.SeatMap;

/// <summary>How long a page keeps a watcher that has not registered again.</summary>
public static class SeatMapWatch
{
    /// <summary>
    /// A watcher not renewed within this is dropped (a process that died stops costing messages); live
    /// watchers renew well within it, which also repairs a page that lost its watchers by reactivating.
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
}
