using Reservations.Grains.Tenants;

namespace Reservations.Grains.Usage;

/// <summary>
/// One app's usage on this silo since its last flush, and the same events on the app's metrics.
/// Lock-free: every counter is an Interlocked long.
/// </summary>
internal sealed class UsageCounters(string appId, ReservationsMetrics metrics)
{
    // Made once per app: Add(long, KeyValuePair) with a string value neither boxes nor allocates an array.
    private readonly KeyValuePair<string, object?> _app = new(ReservationsMetrics.AppTag, appId);
    private long _requests;
    private long _holdsGranted;
    private long _holdsRefused;
    private long _releases;
    private long _expiries;
    private long _confirmations;

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountHoldGranted()
    {
        Interlocked.Increment(ref _holdsGranted);
        metrics.HoldsGranted.Add(1, _app);
    }

    public void CountHoldRefused()
    {
        Interlocked.Increment(ref _holdsRefused);
        metrics.HoldsRefused.Add(1, _app);
    }

    public void CountRelease()
    {
        Interlocked.Increment(ref _releases);
        metrics.Releases.Add(1, _app);
    }

    public void CountExpiry()
    {
        Interlocked.Increment(ref _expiries);
        metrics.Expiries.Add(1, _app);
    }

    public void CountConfirmation()
    {
        Interlocked.Increment(ref _confirmations);
        metrics.Confirmations.Add(1, _app);
    }

    public TenantUsage Read() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _holdsGranted),
        Interlocked.Read(ref _holdsRefused),
        Interlocked.Read(ref _releases),
        Interlocked.Read(ref _expiries),
        Interlocked.Read(ref _confirmations));

    // Subtracting what was sent, rather than resetting, keeps what was counted while the flush ran.
    public void Subtract(TenantUsage sent)
    {
        Interlocked.Add(ref _requests, -sent.Requests);
        Interlocked.Add(ref _holdsGranted, -sent.HoldsGranted);
        Interlocked.Add(ref _holdsRefused, -sent.HoldsRefused);
        Interlocked.Add(ref _releases, -sent.Releases);
        Interlocked.Add(ref _expiries, -sent.Expiries);
        Interlocked.Add(ref _confirmations, -sent.Confirmations);
    }
}
