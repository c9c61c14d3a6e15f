using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Limits;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Groups;
using Reservations.Grains.Seats;

namespace Reservations.Api.Endpoints;

/// <summary>
/// Group holds: <c>POST /reserve-seats</c> here; <c>/confirm-booking</c> and <c>/release-seat</c>
/// send a group's token to its group grain (<see cref="ConfirmAsync"/>, <see cref="ReleaseAsync"/>).
/// </summary>
internal sealed class GroupEndpoints(GrainReferences grains, AppLimits limits, int maxSeats)
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ReservationOptions>>().Value;
        var endpoints = new GroupEndpoints(
            app.ServiceProvider.GetRequiredService<GrainReferences>(), app.ServiceProvider.GetRequiredService<AppLimits>(), options.MaxSeatsPerHold);
        app.MapGroup("").WithTags("Seats").RequireTenantUser()
            .MapPost("/reserve-seats", endpoints.ReserveAsync).WithName("reserveSeats").WithSummary("Hold several seats together, all or none").RequireAbuseLimit(LimitedAction.Hold)
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, ResponseDocs.HoldsRateLimited)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest,
                $"too_many_seats: more than Reservations:MaxSeatsPerHold ({options.MaxSeatsPerHold}) seats; validation_failed: no seat, a seat twice, seats of two entities, or a malformed seat id; malformed_json.")
            .ProducesUserProblems(ResponseDocs.InvalidChannelKey)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "seat_not_found: some seats do not exist in this app; unknownSeatIds lists them. No seat is held.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict,
                "seats_unavailable: some seats are held or booked; unavailableSeatIds lists them. No seat is held (seats kept for a sales channel are listed unless the request carries its key). too_many_holds: the seats would give the user more live holds than the app allows.");
        return app;
    }

    /// <summary>The group a token names, or null for a seat's token or a malformed one.</summary>
    internal static string? GroupIdOf(string? reservationToken) => GroupToken.GroupIdOf(ReservationToken.SeatIdOf(reservationToken));

    internal static Task<GroupConfirmResult> ConfirmAsync(GrainReferences grains, string appId, string? userId, string groupId, string token, string paymentId)
    {
        var group = grains.GetGrain<ISeatGroupGrain>(GrainKeys.Scoped(appId, groupId));
        return SiloLeaving.RetryAsync(() => group.ConfirmAsync(token, userId, paymentId));
    }

    internal static async Task<Results<Ok<ReleaseResponse>, Ok<GroupReleaseResponse>, ProblemResult>> ReleaseAsync(
        GrainReferences grains, HttpContext http, string groupId, string token)
    {
        var group = grains.GetGrain<ISeatGroupGrain>(GrainKeys.Scoped(http.AppId(), groupId));
        var userId = http.UserId();
        var result = await SiloLeaving.RetryAsync(() => group.ReleaseAsync(token, userId));
        return result.Outcome switch
        {
            ReleaseOutcome.Released => TypedResults.Ok(new GroupReleaseResponse(result.SeatIds, SeatEndpoints.StatusText(SeatStatus.Available))),
            ReleaseOutcome.NotHolder => ApiProblem.NotHolder,
            _ => ApiProblem.ReservationExpired,
        };
    }

    private async Task<Results<Created<GroupReservationResponse>, ProblemResult>> ReserveAsync(ReserveSeatsRequest request, HttpContext http)
    {
        if (Validate(request.SeatIds) is { } invalid)
        {
            return invalid;
        }

        var seatIds = request.SeatIds!.Select(id => id!).ToImmutableArray();
        var unknown = seatIds.Where(id => !SeatEndpoints.TryReadSeatId(id, out _)).ToArray();
        if (unknown.Length > 0)
        {
            return ApiProblem.SeatsNotFound(unknown);
        }

        if (seatIds.Select(id => SeatAddress.TryParse(id, out var address) ? address.EntityId : id).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            return ApiProblem.Validation("seatIds must all be seats of one entity.");
        }

        // A new group per request, so no retry here: a hold is not idempotent, and a rejected call
        // leaves at worst seats held by a group nobody heard of, free again at their expiry.
        var (channel, badKey) = await ChannelKeys.ReadAsync(http, grains);
        if (badKey is not null)
        {
            return badKey;
        }

        var appId = http.AppId();
        var maxHolds = (await limits.ForAsync(appId)).MaxHoldsPerUser;
        var group = grains.GetGrain<ISeatGroupGrain>(GrainKeys.Scoped(appId, GroupToken.NewGroupId()));
        var result = await group.TryHoldAsync(http.UserId(), seatIds, maxHolds, channel);
        return result switch
        {
            { Outcome: GroupHoldOutcome.Granted, ReservationToken: { } token, ExpiresAt: { } expiresAt } =>
                TypedResults.Created((string?)null, new GroupReservationResponse(token, result.SeatIds, expiresAt)),
            { Outcome: GroupHoldOutcome.NotFound } => ApiProblem.SeatsNotFound(result.SeatIds),
            { Outcome: GroupHoldOutcome.TooManyHolds } => ApiProblem.TooManyHolds,
            _ => ApiProblem.SeatsUnavailable(result.SeatIds),
        };
    }

    private ProblemResult? Validate(IReadOnlyList<string?>? seatIds)
    {
        if (seatIds is null || seatIds.Count == 0)
        {
            return ApiProblem.Validation("seatIds must name at least one seat.");
        }

        if (seatIds.Count > maxSeats)
        {
            return ApiProblem.TooManySeats(maxSeats);
        }

        for (var i = 0; i < seatIds.Count; i++)
        {
            if (Check.Id(seatIds[i], $"seatIds[{i}]") is { } invalid)
            {
                return invalid;
            }
        }

        return seatIds.Distinct(StringComparer.Ordinal).Count() == seatIds.Count
            ? null
            : ApiProblem.Validation("seatIds must not name a seat twice.");
    }
}
