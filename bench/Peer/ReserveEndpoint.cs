using System.Security.Cryptography;

namespace Reservations.Peer;

/// <summary>POST /reserve-seat as the engine answers it (201 with a token, 409 seat_unavailable), decided by one conditional UPDATE.</summary>
internal static class ReserveEndpoint
{
    public static void MapReserveEndpoint(this WebApplication app, TimeSpan holdDuration) =>
        app.MapPost("/reserve-seat", async (ReserveSeatRequest request, HttpContext http, IHoldStore store) =>
        {
            if (string.IsNullOrEmpty(request.SeatId) || http.Request.Headers.Authorization.ToString() is not ['B', 'e', 'a', 'r', 'e', 'r', ' ', .. var holder])
            {
                return Results.Problem(statusCode: 400, extensions: new Dictionary<string, object?> { ["error"] = "validation_failed" });
            }

            var heldUntil = DateTimeOffset.UtcNow + holdDuration;
            return await store.TryHoldAsync(request.SeatId, holder, heldUntil)
                ? Results.Created((string?)null, new ReservationResponse(RandomNumberGenerator.GetHexString(32), request.SeatId, heldUntil))
                : Results.Problem(statusCode: 409, extensions: new Dictionary<string, object?> { ["error"] = "seat_unavailable" });
        });
}
