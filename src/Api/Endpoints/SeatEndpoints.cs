using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Limits;
using Reservations.Api.SeatMap;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Users;

namespace Reservations.Api.Endpoints;

/// <summary>
/// Seats: listing, the live seat map, holding, releasing. The handlers are instance methods over the
/// singletons they need, so a request opens no dependency-injection scope (docs/decisions.md).
/// </summary>
internal sealed class SeatEndpoints(
    GrainReferences grains, SeatMapFeeds feeds, SeatMapOptions seatMap, TimeProvider time, IHostApplicationLifetime lifetime, AppLimits limits,
    SeatRefusals? refusals)
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        var endpoints = new SeatEndpoints(
            services.GetRequiredService<GrainReferences>(),
            services.GetRequiredService<SeatMapFeeds>(),
            services.GetRequiredService<IOptions<SeatMapOptions>>().Value,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IHostApplicationLifetime>(),
            services.GetRequiredService<AppLimits>(),
            services.GetService<SeatRefusals>()); // only where this process hosts a silo
        var listings = app.MapGroup("").WithTags("Seats").RequireTenant();
        listings.MapGet("/seats", endpoints.GetSeatsAsync).WithName("listSeats").WithSummary("An entity's seats and their status");
        listings.MapGet("/seats/live", endpoints.WatchSeatsAsync).WithName("watchSeats").WithSummary("The live seat map (Server-Sent Events)");

        var holds = app.MapGroup("").WithTags("Seats").RequireTenantUser();
        holds.MapPost("/reserve-seat", endpoints.ReserveAsync).WithName("reserveSeat").WithSummary("Hold a seat: answers a one-time reservation token").RequireAbuseLimit(LimitedAction.Hold)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "validation_failed: seatId missing or malformed; malformed_json.")
            .ProducesUserProblems(ResponseDocs.InvalidChannelKey)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "seat_not_found: no such seat in this app.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict,
                "seat_unavailable: the seat is held or booked; too_many_holds: the user already holds the most seats the app allows at once (release or book one first); "
                + "seat_in_channel: the seat is kept for a sales channel whose key (x-channel-key) the request did not carry.")
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, ResponseDocs.HoldsRateLimited);
        holds.MapPost("/release-seat", endpoints.ReleaseAsync).WithName("releaseSeat").WithSummary("Release a hold (a seat's or a group's)")
            .ProducesEither<ReleaseResponse, GroupReleaseResponse>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ResponseDocs.BadToken)
            .ProducesUserProblems(ResponseDocs.NotHolder)
            .ProducesProblemCodes(StatusCodes.Status410Gone, ResponseDocs.Expired);
        return app;
    }

    /// <summary>A seat id the API accepts: one seeding produced, of characters safe in a grain key.</summary>
    internal static bool TryReadSeatId(string? seatId, out SeatAddress address) =>
        SeatAddress.TryParse(seatId, out address) && Check.Id(seatId, "seatId") is null;

    internal static string StatusText(SeatStatus status) => status switch
    {
        SeatStatus.Held => "held",
        SeatStatus.Booked => "booked",
        _ => "available",
    };

    /// <summary>
    /// The seats of an app's entity, for the tenant's <c>GET /seats</c> and the admin's view of an app.
    /// Answered by the entity's catalog pages, never by the seats (I8). The first page is read before
    /// the answer starts, so an engine that cannot answer gets a problem, not a cut-off body; the
    /// rest streams page by page, so a million seats never sit in memory at once.
    /// </summary>
    internal static async Task<Results<Ok<SeatsResponse>, ProblemResult>> ListSeatsAsync(
        GrainReferences grains, string appId, string? entityId, string? category, CancellationToken cancellationToken)
    {
        if ((Check.Id(entityId, "entityId") ?? (category is null ? null : Check.Text(category, "category", 50))) is { } invalid)
        {
            return invalid;
        }

        var first = await grains.GetGrain<IInventoryPageGrain>(InventoryPages.Key(appId, entityId!, 0)).ListAsync();
        return TypedResults.Ok(new SeatsResponse(entityId!, ReadPagesAsync(grains, appId, entityId!, category, first, cancellationToken)));
    }

    private Task<Results<Ok<SeatsResponse>, ProblemResult>> GetSeatsAsync(string? entityId, string? category, HttpContext http) =>
        ListSeatsAsync(grains, http.AppId(), entityId, category, http.RequestAborted);

    /// <summary>
    /// The live seat map (Server-Sent Events). The feed registers with the entity's pages before the answer
    /// starts, so an engine that cannot answer gets a problem rather than an empty stream.
    /// </summary>
    private async Task<Results<SeatMapStream, ProblemResult>> WatchSeatsAsync(string? entityId, HttpContext http)
    {
        if (Check.Id(entityId, "entityId") is { } invalid)
        {
            return invalid;
        }

        var subscription = await feeds.WatchAsync(http.AppId(), entityId!);
        return new SeatMapStream(subscription, seatMap.SendInterval, time, lifetime);
    }

    private static async IAsyncEnumerable<SeatResponse> ReadPagesAsync(
        GrainReferences grains, string appId, string entityId, string? category, IReadOnlyList<SeatView> first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seats = first;
        for (var page = 1; ; page++)
        {
            foreach (var seat in seats)
            {
                if (category is null || string.Equals(seat.Category, category, StringComparison.Ordinal))
                {
                    yield return ResponseOf(seat);
                }
            }

            if (seats.Count < InventoryPages.Size || cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            seats = await grains.GetGrain<IInventoryPageGrain>(InventoryPages.Key(appId, entityId, page)).ListAsync();
        }
    }

    private static SeatResponse ResponseOf(SeatView seat) => new(
        seat.SeatId, seat.SeatNumber, seat.Price, StatusText(seat.Status), seat.HeldUntil,
        seat.Place?.Section, seat.Place?.Row, seat.Place?.Position, seat.Category, seat.Place?.Accessible, seat.Channel);

    private async Task<Results<Created<ReservationResponse>, ProblemResult>> ReserveAsync(ReserveSeatRequest request, HttpContext http)
    {
        if (Check.Id(request.SeatId, "seatId") is { } invalid)
        {
            return invalid;
        }

        if (!TryReadSeatId(request.SeatId, out _))
        {
            return ApiProblem.SeatNotFound;
        }

        var (channel, badKey) = await ChannelKeys.ReadAsync(http, grains);
        if (badKey is not null)
        {
            return badKey;
        }

        var appId = http.AppId();
        var seatKey = GrainKeys.Scoped(appId, request.SeatId!);
        if (refusals is not null && refusals.TryRefuse(seatKey, time.GetUtcNow()))
        {
            return ApiProblem.SeatUnavailable; // the seat said so, and nothing it stored since says otherwise
        }

        var maxHolds = (await limits.ForAsync(appId)).MaxHoldsPerUser;
        var seat = grains.GetGrain<ISeatGrain>(seatKey);
        HoldResult result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                result = await seat.TryHoldAsync(http.UserId(), maxHolds, channel);
                break;
            }
            catch (OrleansMessageRejectionException) when (attempt < SiloLeaving.Attempts)
            {
                // The seat's silo (or its page's) is stopping or left with the call in flight, run or
                // not; the grain comes back on another silo from storage. Asking again there spares
                // the caller a 503: at worst the first call did hold the seat and this one is refused
                // (docs/decisions.md).
            }
        }

        return result switch
        {
            { Outcome: HoldOutcome.Granted, ReservationToken: { } token, ExpiresAt: { } expiresAt } =>
                TypedResults.Created((string?)null, new ReservationResponse(token, request.SeatId!, expiresAt)),
            { Outcome: HoldOutcome.NotFound } => ApiProblem.SeatNotFound,
            { Outcome: HoldOutcome.TooManyHolds } => ApiProblem.TooManyHolds,
            { Outcome: HoldOutcome.ReservedForChannel } => ApiProblem.SeatInChannel,
            _ => ApiProblem.SeatUnavailable,
        };
    }

    private async Task<Results<Ok<ReleaseResponse>, Ok<GroupReleaseResponse>, ProblemResult>> ReleaseAsync(ReleaseSeatRequest request, HttpContext http)
    {
        if (Check.Text(request.ReservationToken, "reservationToken", 200) is { } invalid)
        {
            return invalid;
        }

        // A token that names no seat cannot be alive: it gets the same answer as a dead one.
        if (!TryReadSeatId(ReservationToken.SeatIdOf(request.ReservationToken), out var address))
        {
            return GroupEndpoints.GroupIdOf(request.ReservationToken) is { } groupId
                ? await GroupEndpoints.ReleaseAsync(grains, http, groupId, request.ReservationToken!)
                : ApiProblem.ReservationExpired;
        }

        var seat = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(http.AppId(), address.SeatId));
        ReleaseOutcome outcome;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                outcome = await seat.ReleaseAsync(request.ReservationToken!, http.UserId());
                break;
            }
            catch (OrleansMessageRejectionException) when (attempt < SiloLeaving.Attempts)
            {
                // See ReserveAsync; a release is by token, so a repeat frees nothing else.
            }
        }

        if (outcome == ReleaseOutcome.Released)
        {
            await grains.GetGrain<IUserHoldsGrain>(GrainKeys.Scoped(http.AppId(), http.UserId())).ForgetAsync([address.SeatId]);
        }

        return outcome switch
        {
            ReleaseOutcome.Released => TypedResults.Ok(new ReleaseResponse(address.SeatId, StatusText(SeatStatus.Available))),
            ReleaseOutcome.NotHolder => ApiProblem.NotHolder,
            _ => ApiProblem.ReservationExpired,
        };
    }
}
