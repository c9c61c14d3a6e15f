using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Runtime;

namespace Reservations.Api.Endpoints;

internal static class SeatEndpoints
{
    public static IEndpointRouteBuilder MapSeatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").WithTags("Seats").RequireTenant()
            .MapGet("/seats", GetSeatsAsync);

        var holds = app.MapGroup("").WithTags("Seats").RequireTenantUser();
        holds.MapPost("/reserve-seat", ReserveAsync);
        holds.MapPost("/release-seat", ReleaseAsync);
        return app;
    }

    private static async Task<Results<Ok<SeatsResponse>, ProblemHttpResult>> GetSeatsAsync(string? entityId, HttpContext http, IGrainFactory grains)
    {
        if (Check.Id(entityId, "entityId") is { } invalid)
        {
            return invalid;
        }

        var appId = http.AppId();
        var listings = await grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped(appId, entityId!)).GetSeatsAsync();
        var views = await Task.WhenAll(listings.Select(s => grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(appId, s.SeatId)).GetAsync()));
        var seats = listings.Zip(views, (listing, view) => view is null
                ? new SeatResponse(listing.SeatId, listing.SeatNumber, listing.Price, StatusText(SeatStatus.Available), null)
                : new SeatResponse(view.SeatId, view.SeatNumber, view.Price, StatusText(view.Status), view.HeldUntil))
            .ToList();
        return TypedResults.Ok(new SeatsResponse(entityId!, seats));
    }

    private static async Task<Results<Created<ReservationResponse>, ProblemHttpResult>> ReserveAsync(
        ReserveSeatRequest request, HttpContext http, IGrainFactory grains)
    {
        if (Check.Id(request.SeatId, "seatId") is { } invalid)
        {
            return invalid;
        }

        var seat = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(http.AppId(), request.SeatId!));
        var result = await seat.TryHoldAsync(http.UserId());
        return result switch
        {
            { Outcome: HoldOutcome.Granted, ReservationToken: { } token, ExpiresAt: { } expiresAt } =>
                TypedResults.Created((string?)null, new ReservationResponse(token, request.SeatId!, expiresAt)),
            { Outcome: HoldOutcome.NotFound } => ApiProblem.NotFound("seat_not_found", "No such seat in this app."),
            _ => ApiProblem.Of(StatusCodes.Status409Conflict, "seat_unavailable", "The seat is held or booked."),
        };
    }

    private static async Task<Results<Ok<ReleaseResponse>, ProblemHttpResult>> ReleaseAsync(
        ReleaseSeatRequest request, HttpContext http, IGrainFactory grains)
    {
        if (Check.Text(request.ReservationToken, "reservationToken", 200) is { } invalid)
        {
            return invalid;
        }

        // A token that names no seat cannot be alive: it gets the same answer as a dead one.
        if (ReservationToken.SeatIdOf(request.ReservationToken) is not { } seatId || Check.Id(seatId, "seatId") is not null)
        {
            return ApiProblem.ReservationExpired();
        }

        var outcome = await grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(http.AppId(), seatId)).ReleaseAsync(request.ReservationToken!, http.UserId());
        return outcome switch
        {
            ReleaseOutcome.Released => TypedResults.Ok(new ReleaseResponse(seatId, StatusText(SeatStatus.Available))),
            ReleaseOutcome.NotHolder => ApiProblem.Of(StatusCodes.Status403Forbidden, "not_holder", "This reservation is someone else's."),
            _ => ApiProblem.ReservationExpired(),
        };
    }

    internal static string StatusText(SeatStatus status) => status switch
    {
        SeatStatus.Held => "held",
        SeatStatus.Booked => "booked",
        _ => "available",
    };
}
