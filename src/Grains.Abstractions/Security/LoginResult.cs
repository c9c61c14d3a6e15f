using Reservations.Grains.Users;

namespace Reservations.Grains.Security;

/// <summary>
/// How a password check ended: right (with the user, for an end user), wrong, or not checked at all
/// because the account is locked for <see cref="LockedFor"/> after repeated failures.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.login-result")]
public sealed record LoginResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] UserView? User = null,
    [property: Id(2)] TimeSpan? LockedFor = null)
{
    /// <summary>The password is wrong (or there is no such account).</summary>
    public static readonly LoginResult Wrong = new(false);

    /// <summary>The password is right.</summary>
    public static LoginResult Right(UserView? user = null) => new(true, user);

    /// <summary>Refused unchecked: the account is locked for <paramref name="lockedFor"/>.</summary>
    public static LoginResult Locked(TimeSpan lockedFor) => new(false, LockedFor: lockedFor);
}
