namespace Reservations.Peer;

/// <summary>
/// Just enough of the engine's admin and auth API for the load tester's setup to pass unchanged: every
/// login and signup is accepted, each app is new (its seats are its own), a user's token is its id (the
/// holder the UPDATE writes), seeding inserts free seats, and there are never bookings.
/// </summary>
internal static class SetupStubs
{
    public static void MapSetupStubs(this WebApplication app)
    {
        var later = DateTimeOffset.UtcNow.AddDays(1);
        app.MapGet("/health/ready", () => Results.Ok());
        app.MapGet("/health/live", () => Results.Ok());
        app.MapPost("/admin/login", () => new TokenResponse("peer-admin", later));
        app.MapPost("/admin/apps", () => Results.Created((string?)null, new CreatedAppResponse($"APP-{Guid.NewGuid():N}", "sk_peer")));
        app.MapMethods("/admin/apps/{appId}", ["PATCH"], (string appId) => new AppResponse(appId));
        app.MapPost("/auth/signup", () =>
        {
            var userId = Guid.NewGuid().ToString("N");
            return Results.Created((string?)null, new SignupResponse(userId, userId, later));
        });
        app.MapPost("/admin/seed-data", async (SeedDataRequest request, IHoldStore store) =>
        {
            var ids = await store.SeedAsync($"{request.AppId}:{request.EntityId}", [.. request.Seats.Select(s => s.SeatNumber)]);
            return new SeedDataResponse(request.AppId, request.EntityId, [.. request.Seats.Select((s, i) => new SeededSeat(ids[i], s.SeatNumber, s.Price))]);
        });
        app.MapGet("/admin/bookings", () => new BookingPage([], null));
    }
}
