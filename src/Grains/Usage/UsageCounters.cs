using Reservations.Grains.Tenants;

namespace Reservations.Grains.Usage;

/// <summary>One app's usage on this silo since its last flush. Lock-free: every counter is an Interlocked long.</summary>
internal sealed class UsageCounters
{
    private long _requests;
    private long _holdsGranted;
    private long _holdsRefused;
    private long _releases;
    private long _expiries;
    private long _confirmations;

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountHoldGranted() => Interlocked.Increment(ref _holdsGranted);

    public void CountHoldRefused() => Interlocked.Increment(ref _holdsRefused);

    public void CountRelease() => Interlocked.Increment(ref _releases);

    public void CountExpiry() => Interlocked.Increment(ref _expiries);

    public void CountConfirmation() => Interlocked.Increment(ref _confirmations);

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
