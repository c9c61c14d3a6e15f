using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains.Inventory;

namespace Reservations.Api.Endpoints;

/// <summary>An app's entities, for its own frontend and for the admin; and the admin's view of an entity's seats.</summary>
internal static class EntityEndpoints
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("").WithTags("Seats").RequireTenant()
            .MapGet("/entities", ListMineAsync).WithName("listEntities").WithSummary("The app's entities (events, trips, screenings)");

        var admin = app.MapGroup("/admin/apps/{appId}").WithTags("Admin").RequireAdmin();
        admin.MapGet("/entities", ListForAdminAsync).WithName("listAppEntities").WithSummary("An app's entities, for an admin");
        admin.MapGet("/seats", ListSeatsForAdminAsync).WithName("listAppSeats").WithSummary("An entity's seats, for an admin");
        return app;
    }

    private static Task<Ok<EntitiesResponse>> ListMineAsync(HttpContext http, GrainReferences grains) => ListAsync(grains, http.AppId());

    private static async Task<Ok<EntitiesResponse>> ListAsync(GrainReferences grains, string appId)
    {
        var entities = await grains.GetGrain<IEntityListGrain>(appId).ListAsync();
        return TypedResults.Ok(new EntitiesResponse(entities.Select(EntityResponse.From).ToList()));
    }

    private static async Task<Results<Ok<EntitiesResponse>, ProblemResult>> ListForAdminAsync(string appId, GrainReferences grains) =>
        await AdminEndpoints.AppExistsAsync(grains, appId) ? await ListAsync(grains, appId) : AdminEndpoints.AppNotFound();

    private static async Task<Results<Ok<SeatsResponse>, ProblemResult>> ListSeatsForAdminAsync(string appId, string? entityId, HttpContext http, GrainReferences grains)
    {
        if (Check.Id(entityId, "entityId") is { } invalid)
        {
            return invalid;
        }

        return await AdminEndpoints.AppExistsAsync(grains, appId)
            ? await SeatEndpoints.ListSeatsAsync(grains, appId, entityId, null, http.RequestAborted)
            : AdminEndpoints.AppNotFound();
    }
}
