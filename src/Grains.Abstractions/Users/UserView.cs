namespace Reservations.Grains.Users;

/// <summary>A user's public profile.</summary>
public sealed record UserView(string UserId, string AppId, string Email, string Name);
