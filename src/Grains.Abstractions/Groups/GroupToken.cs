namespace Reservations.Grains.Groups;

/// <summary>
/// A group's reservation token is "{groupId}.{128 random bits}" where the group id is "grp-" and 128
/// more random bits. A seat id always has a ':' ("{entityId}:{n}"), a group id never, so the API
/// tells the two kinds of token apart without asking a grain.
/// </summary>
public static class GroupToken
{
    /// <summary>How every group id starts.</summary>
    public const string Prefix = "grp-";

    /// <summary>A new group id.</summary>
    public static string NewGroupId() => Prefix + Secrets.NewToken();

    /// <summary>The group id a token names, or null when <paramref name="namedId"/> (the part before the token's last '.') is not one.</summary>
    public static string? GroupIdOf(string? namedId) =>
        namedId is { Length: > 4 and <= 64 } && namedId.StartsWith(Prefix, StringComparison.Ordinal)
        && namedId.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0
            ? namedId
            : null;
}
