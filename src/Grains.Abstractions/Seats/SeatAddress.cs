using System.Globalization;
using Reservations.Grains.Inventory;

namespace Reservations.Grains.Seats;

/// <summary>
/// Where a seat sits in its entity's catalog. A seat id is "{entityId}:{n}", n counting from 1 in the
/// order seats were added, so the seat grain finds its definition in one page of the catalog and
/// seeding never has to create a grain per seat (I8). Seat ids are app-scoped like every key (I6).
/// </summary>
public readonly record struct SeatAddress(string EntityId, int Ordinal)
{
    /// <summary>The catalog page that holds the seat.</summary>
    public int Page => Ordinal / InventoryPages.Size;

    /// <summary>The seat's place within its page.</summary>
    public int Slot => Ordinal % InventoryPages.Size;

    /// <summary>The seat's id.</summary>
    public string SeatId => Format(EntityId, Ordinal);

    /// <summary>The id of the seat at <paramref name="ordinal"/> (from 0) in <paramref name="entityId"/>.</summary>
    public static string Format(string entityId, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"{entityId}:{ordinal + 1}");

    /// <summary>Reads a seat id; false for anything no seeding could have produced.</summary>
    public static bool TryParse(string? seatId, out SeatAddress address)
    {
        address = default;
        var colon = seatId?.LastIndexOf(':') ?? -1;
        if (colon <= 0
            || !int.TryParse(seatId.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1
            || seatId![colon + 1] == '0')
        {
            return false;
        }

        address = new SeatAddress(seatId[..colon], number - 1);
        return true;
    }
}
