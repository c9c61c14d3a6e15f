using System.Net;
using System.Threading.RateLimiting;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Limits;

/// <summary>
/// Fixed-window rate limits per client address and per account, in this process's memory. Keys are
/// hashed into <see cref="Buckets"/> buckets per action, scope and limit, so however many addresses
/// and accounts an attacker makes up, the limiters kept stay bounded (an idle one is dropped by the
/// partitioned limiter); two callers share a bucket only by a rare collision.
/// </summary>
internal sealed class AbuseRateLimiter : IDisposable
{
    public const int Buckets = 1 << 16;

    // The partitioner runs on every acquire: a static factory, so it allocates nothing.
    private readonly PartitionedRateLimiter<Partition> _limiter = PartitionedRateLimiter.Create<Partition, Partition>(static partition =>
        new RateLimitPartition<Partition>(partition, static p => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = p.Permits,
            Window = p.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        })));

    /// <summary>Takes a permit for the address and one for the account; when either is spent, how long until it comes back.</summary>
    public TimeSpan? TryAcquire(LimitedAction action, string appId, IPAddress? address, string? account, AbuseLimits limits)
    {
        var (perAddress, perAccount) = action switch
        {
            LimitedAction.Signup => (limits.SignupsPerAddress, limits.SignupsPerAccount),
            LimitedAction.Login => (limits.LoginsPerAddress, limits.LoginsPerAccount),
            _ => (limits.HoldsPerAddress, limits.HoldsPerAccount),
        };
        return Take(new Partition(action, IsAccount: false, Bucket(appId, address), perAddress, limits.Window))
            ?? (account is null ? null : Take(new Partition(action, IsAccount: true, Bucket(appId, account), perAccount, limits.Window)));
    }

    public void Dispose() => _limiter.Dispose();

    private TimeSpan? Take(Partition partition)
    {
        using var lease = _limiter.AttemptAcquire(partition);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : partition.Window;
    }

    private static int Bucket<T>(string appId, T value) => (int)((uint)HashCode.Combine(appId, value) % Buckets);

    private readonly record struct Partition(LimitedAction Action, bool IsAccount, int Bucket, int Permits, TimeSpan Window);
}
