using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Limits;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.BestSeats;

namespace Reservations.Api.Endpoints;

/// <summary>
/// <c>POST /reserve-best</c>: the entity's best-seats grain chooses and holds the seats as a group, so
/// the answer's token confirms, extends and releases as a group's does.
/// </summary>
internal sealed class BestSeatsEndpoints(GrainReferences grains, AppLimits limits, int maxSeats)
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ReservationOptions>>().Value;
        var endpoints = new BestSeatsEndpoints(
            app.ServiceProvider.GetRequiredService<GrainReferences>(), app.ServiceProvider.GetRequiredService<AppLimits>(), options.MaxSeatsPerHold);
        app.MapGroup("").WithTags("Seats").RequireTenantUser()
            .MapPost("/reserve-best", endpoints.ReserveAsync).WithName("reserveBest")
            .WithSummary("Hold the best available seats together: adjacent in a row leaving no lone seat, else adjacent, else in one section, closest to the focal point")
            .RequireAbuseLimit(LimitedAction.Hold)
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, ResponseDocs.HoldsRateLimited)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest,
                $"validation_failed: entityId missing or malformed, count not between 1 and Reservations:MaxSeatsPerHold ({options.MaxSeatsPerHold}), category or section too long; malformed_json.")
            .ProducesUserProblems(ResponseDocs.InvalidChannelKey)
            .ProducesProblemCodes(StatusCodes.Status409Conflict,
                "not_enough_seats: no free seats fit the request together (side by side in a row or in one section; a request with x-channel-key chooses among its channel's seats, one without among public seats); "
                + "best_seats_contended: other holds took every choice first, try again; too_many_holds: the seats would give the user more live holds than the app allows.");
        return app;
    }

    private async Task<Results<Created<BestReservationResponse>, ProblemResult>> ReserveAsync(ReserveBestRequest request, HttpContext http)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        // No retry on a silo leaving: every attempt makes a new group, as POST /reserve-seats (GroupEndpoints).
        var (channel, badKey) = await ChannelKeys.ReadAsync(http, grains);
        if (badKey is not null)
        {
            return badKey;
        }

        var appId = http.AppId();
        var maxHolds = (await limits.ForAsync(appId)).MaxHoldsPerUser;
        var best = grains.GetGrain<IBestSeatsGrain>(GrainKeys.Scoped(appId, request.EntityId!));
        var result = await best.TryHoldBestAsync(
            http.UserId(), new BestSeatsRequest(request.Count!.Value, request.Category?.Trim(), request.Section?.Trim(), request.Accessible ?? false, channel), maxHolds);
        return result switch
        {
            { Outcome: BestHoldOutcome.Granted, ReservationToken: { } token, ExpiresAt: { } expiresAt } => TypedResults.Created(
                (string?)null,
                new BestReservationResponse(token, [.. result.Seats.Select(s => s.SeatId)], expiresAt, [.. result.Seats.Select(s => new BestSeatResponse(
                    s.SeatId, s.SeatNumber, s.Price, s.Category, s.Place!.Section, s.Place.Row, s.Place.Position, s.Place.Accessible))])),
            { Outcome: BestHoldOutcome.TooManyHolds } => ApiProblem.TooManyHolds,
            { Outcome: BestHoldOutcome.Contended } => ApiProblem.BestSeatsContended,
            _ => ApiProblem.NotEnoughSeats,
        };
    }

    private ProblemResult? Validate(ReserveBestRequest request) =>
        Check.Id(request.EntityId, "entityId")
        ?? (request.Count is not { } count || count < 1 || count > maxSeats ? ApiProblem.Validation($"count must be between 1 and {maxSeats}.") : null)
        ?? (request.Category is null ? null : Check.Text(request.Category, "category", 50))
        ?? (request.Section is null ? null : Check.Text(request.Section, "section", 50));
}
