namespace Reservations.Grains.Security;

/// <summary>
/// Consecutive failed logins of one account, in its grain's memory. After <see cref="FreeFailures"/>
/// failures in a row each further failure locks the account for twice as long as the one before,
/// from <see cref="FirstLock"/> up to <see cref="LongestLock"/>; while locked, attempts are refused
/// without checking the password (so they teach nothing), and a success clears it all. The cap is
/// what an attacker who knows an email can inflict on its owner per failed attempt
/// (docs/security.md).
/// </summary>
public sealed class LoginBackoff(TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstLock = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(5);

    private int _failures;
    private DateTimeOffset _lockedUntil;

    /// <summary>How much longer the account is locked; null when it is not.</summary>
    public TimeSpan? LockedFor
    {
        get
        {
            var left = _lockedUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    public void Failed()
    {
        _failures++;
        if (_failures >= FreeFailures)
        {
            var doublings = Math.Min(_failures - FreeFailures, 16);
            var lockFor = TimeSpan.FromTicks(Math.Min(FirstLock.Ticks << doublings, LongestLock.Ticks));
            _lockedUntil = time.GetUtcNow() + lockFor;
        }
    }

    public void Succeeded()
    {
        _failures = 0;
        _lockedUntil = default;
    }
}
