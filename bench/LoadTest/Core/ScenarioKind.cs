namespace Reservations.LoadTest.Core;

public enum ScenarioKind
{
    HotSeat,
    Distinct,
    Mixed,
    Group,
    Holds,
    Best,
}
