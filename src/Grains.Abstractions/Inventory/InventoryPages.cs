using System.Globalization;

namespace Reservations.Grains.Inventory;

/// <summary>
/// An entity's catalog is split into pages of <see cref="Size"/> seats, each a grain of its own
/// (key: appId/entityId/page), filled in order: a page that is not full is the last one.
/// </summary>
public static class InventoryPages
{
    /// <summary>Seats per page.</summary>
    public const int Size = 1000;

    /// <summary>The key of page <paramref name="page"/> of an entity's catalog.</summary>
    public static string Key(string appId, string entityId, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{appId}/{entityId}/{page}");
}
