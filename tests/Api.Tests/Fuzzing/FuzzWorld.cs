namespace Reservations.Api.Tests.Fuzzing;

/// <summary>
/// The real ids and credentials the generators mix into requests: two apps, a caller of app A who holds
/// nothing (user A2), another user's holds (A1's), another app's user and holds (B1's), and an admin.
/// </summary>
public sealed record FuzzWorld(
    string SigningKey,
    DateTimeOffset Now,
    string AdminToken,
    string AppA,
    string KeyA,
    string AppB,
    string KeyB,
    string CallerUserId,
    string CallerToken,
    string OtherAppUserToken,
    string EntityA,
    string EntityB,
    string FreeSeatA,
    string HeldSeatA,
    string BookedSeatA,
    string HeldSeatB,
    string HoldTokenA1,
    string HoldTokenB1);
