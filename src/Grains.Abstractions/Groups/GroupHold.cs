namespace Reservations.Grains.Groups;

/// <summary>
/// What a seat keeps when it is held for a group: the hash of the group's token (never the token),
/// the holder, the group's expiry and its sales channel (if any), so the seat alone still decides a later confirm or release.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.group-hold")]
public sealed record GroupHold(
    [property: Id(0)] byte[] TokenHash,
    [property: Id(1)] string UserId,
    [property: Id(2)] DateTimeOffset HeldUntil,
    [property: Id(3)] string? Channel = null);
