using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Reservations.Grains.Users;

namespace Reservations.Api.Onboarding;

/// <summary>How many form posts may name one e-mail address per window (in this process's memory), so one inbox cannot be flooded with links.</summary>
internal sealed class EmailRateLimiter(IOptions<OnboardingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FormPermitsPerEmail,
            Window = options.Value.EmailWindow,
            QueueLimit = 0,
        }));

    /// <summary>Takes a permit for the address; false when its window's permits are spent.</summary>
    public bool TryAcquire(string email)
    {
        using var lease = _limiter.AttemptAcquire(EmailAddress.Normalize(email));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
