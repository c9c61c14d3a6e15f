using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Bookings;
using Reservations.Grains.Groups;
using Reservations.Grains.Seats;
using Reservations.Grains.Users;

namespace Reservations.Api.Endpoints;

/// <summary>Bookings: confirming a hold and listing one's own. Instance handlers, as <see cref="SeatEndpoints"/>.</summary>
internal sealed class BookingEndpoints(GrainReferences grains)
{
    private const int LedgerPage = 500;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var endpoints = new BookingEndpoints(app.ServiceProvider.GetRequiredService<GrainReferences>());
        var group = app.MapGroup("").WithTags("Bookings").RequireTenantUser();
        group.MapPost("/confirm-booking", endpoints.ConfirmAsync)
            .ProducesEither<Booking, GroupBookingResponse>(StatusCodes.Status201Created)
            .ProducesEither<Booking, GroupBookingResponse>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest,
                "validation_failed: reservationToken missing or too long, or paymentId missing, over 200 characters or not of letters, digits, '-', '_', '.' and ':'; malformed_json.")
            .ProducesUserProblems(ResponseDocs.NotHolder)
            .ProducesProblemCodes(StatusCodes.Status409Conflict,
                "token_used: the reservation was confirmed with another paymentId; group_incomplete (a group's token): some seats were booked with this paymentId but the others' holds ended first, and lostSeatIds lists those.")
            .ProducesProblemCodes(StatusCodes.Status410Gone, ResponseDocs.Expired);
        group.MapGet("/my-bookings", (Delegate)endpoints.GetMineAsync);
        return app;
    }

    private async Task<Results<Created<Booking>, Ok<Booking>, Created<GroupBookingResponse>, Ok<GroupBookingResponse>, ProblemResult>> ConfirmAsync(ConfirmBookingRequest request, HttpContext http)
    {
        if ((Check.Text(request.ReservationToken, "reservationToken", 200) ?? Check.Id(request.PaymentId, "paymentId", 200)) is { } invalid)
        {
            return invalid;
        }

        // A token that names no seat cannot be alive: it gets the same answer as a dead one.
        if (!SeatEndpoints.TryReadSeatId(ReservationToken.SeatIdOf(request.ReservationToken), out var address))
        {
            return GroupEndpoints.GroupIdOf(request.ReservationToken) is { } groupId
                ? await ConfirmGroupAsync(http, groupId, request.ReservationToken!, request.PaymentId!)
                : ApiProblem.ReservationExpired;
        }

        var seat = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(http.AppId(), address.SeatId));
        ConfirmResult result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                result = await seat.ConfirmAsync(request.ReservationToken!, http.UserId(), request.PaymentId!);
                break;
            }
            catch (OrleansMessageRejectionException) when (attempt < SiloLeaving.Attempts)
            {
                // See SeatEndpoints.ReserveAsync; a confirmation is idempotent by token.
            }
        }

        if (result.Outcome is ConfirmOutcome.Booked or ConfirmOutcome.AlreadyBooked)
        {
            await grains.GetGrain<IUserHoldsGrain>(GrainKeys.Scoped(http.AppId(), http.UserId())).ForgetAsync(address.SeatId);
        }

        return result switch
        {
            { Outcome: ConfirmOutcome.Booked, Booking: { } booking } => TypedResults.Created((string?)null, booking),
            { Outcome: ConfirmOutcome.AlreadyBooked, Booking: { } booking } => TypedResults.Ok(booking),
            { Outcome: ConfirmOutcome.TokenUsed } => ApiProblem.TokenUsed,
            { Outcome: ConfirmOutcome.NotHolder } => ApiProblem.NotHolder,
            _ => ApiProblem.ReservationExpired,
        };
    }

    private async Task<Results<Created<Booking>, Ok<Booking>, Created<GroupBookingResponse>, Ok<GroupBookingResponse>, ProblemResult>> ConfirmGroupAsync(
        HttpContext http, string groupId, string token, string paymentId)
    {
        var result = await GroupEndpoints.ConfirmAsync(grains, http, groupId, token, paymentId);
        return result.Outcome switch
        {
            GroupConfirmOutcome.Booked => TypedResults.Created((string?)null, new GroupBookingResponse(result.Bookings)),
            GroupConfirmOutcome.AlreadyBooked => TypedResults.Ok(new GroupBookingResponse(result.Bookings)),
            GroupConfirmOutcome.TokenUsed => ApiProblem.TokenUsed,
            GroupConfirmOutcome.NotHolder => ApiProblem.NotHolder,
            GroupConfirmOutcome.Incomplete => ApiProblem.GroupIncomplete(result.LostSeatIds),
            _ => ApiProblem.ReservationExpired,
        };
    }

    private async Task<Ok<IReadOnlyList<Booking>>> GetMineAsync(HttpContext http)
    {
        var ledger = grains.GetGrain<IBookingsGrain>(0);
        var bookings = new List<Booking>();
        var query = new BookingQuery(AppId: http.AppId(), UserId: http.UserId(), Limit: LedgerPage);
        while (true)
        {
            var page = await ledger.QueryAsync(query);
            bookings.AddRange(page);
            if (page.Length < LedgerPage)
            {
                return TypedResults.Ok<IReadOnlyList<Booking>>(bookings);
            }

            query = query with { After = new BookingCursor(page[^1].BookedAt, page[^1].AppId, page[^1].SeatId) };
        }
    }
}
