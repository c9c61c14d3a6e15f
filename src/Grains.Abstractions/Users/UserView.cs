namespace Reservations.Grains.Users;

/// <summary>A user's public profile.</summary>
[GenerateSerializer, Immutable, Alias("reservations.user-view")]
public sealed record UserView(
    [property: Id(0)] string UserId,
    [property: Id(1)] string AppId,
    [property: Id(2)] string Email,
    [property: Id(3)] string Name);
