using System.Text.Json;
using Reservations.Grains.Seats;
using Reservations.Runtime;

namespace Reservations.Grains.Tests.Infrastructure;

internal static class Seeding
{
    public const string AppId = "APP-test";

    public static async Task<ISeatGrain> NewSeatAsync(IGrainFactory grains, string? seatId = null, string appId = AppId)
    {
        seatId ??= "S-" + Guid.NewGuid().ToString("N");
        var seat = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(appId, seatId));
        Assert.True(await seat.InitializeAsync(new SeatDefinition(appId, seatId, "E-1", "A1", 25.50m)));
        return seat;
    }

    public static GrainId SeatId(string seatId, string appId = AppId) => new("seat", GrainKeys.Scoped(appId, seatId));

    /// <summary>The seat's status as stored, read straight from storage.</summary>
    public static async Task<string?> StoredStatusAsync(IGrainStorage storage, string seatId)
    {
        var stored = await storage.ReadAsync(SeatId(seatId), "seat");
        if (stored is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(stored.Json);
        return json.RootElement.GetProperty("Status").GetString();
    }
}
