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
        // Confirming needs a key that may confirm (never a publishable one); listing one's bookings does not.
        app.MapGroup("").WithTags("Bookings").RequireSecretTenantUser()
            .MapPost("/confirm-booking", endpoints.ConfirmAsync).WithName("confirmBooking").WithSummary("Book the seat (or group) a reservation token holds; a repeat with the same paymentId answers the same booking")
            .ProducesEither<Booking, GroupBookingResponse>(StatusCodes.Status201Created)
            .ProducesEither<Booking, GroupBookingResponse>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest,
                "validation_failed: reservationToken missing or too long, or paymentId missing, over 200 characters or not of letters, digits, '-', '_', '.' and ':'; malformed_json.")
            .ProducesUserProblems(ResponseDocs.NotHolder + "; " + ResponseDocs.ConfirmRefused)
            .ProducesProblemCodes(StatusCodes.Status409Conflict,
                "token_used: the reservation was confirmed with another paymentId; group_incomplete (a group's token): some seats were booked with this paymentId but the others' holds ended first, and lostSeatIds lists those.")
            .ProducesProblemCodes(StatusCodes.Status410Gone, ResponseDocs.Expired);
        app.MapGroup("").WithTags("Bookings").RequireTenantUser()
            .MapGet("/my-bookings", (Delegate)endpoints.GetMineAsync).WithName("listMyBookings").WithSummary("The user's bookings");
        return app;
    }

    private Task<Results<Created<Booking>, Ok<Booking>, Created<GroupBookingResponse>, Ok<GroupBookingResponse>, ProblemResult>> ConfirmAsync(ConfirmBookingRequest request, HttpContext http) =>
        ConfirmHoldAsync(grains, http.AppId(), http.UserId(), request);

    /// <summary>
    /// Books the hold a reservation token grants, a seat's or a group's: for <paramref name="userId"/>, who
    /// must hold it, or (null) for whoever holds it, when the app's server vouches (a signed payment notification).
    /// </summary>
    internal static async Task<Results<Created<Booking>, Ok<Booking>, Created<GroupBookingResponse>, Ok<GroupBookingResponse>, ProblemResult>> ConfirmHoldAsync(
        GrainReferences grains, string appId, string? userId, ConfirmBookingRequest request)
    {
        if ((Check.Text(request.ReservationToken, "reservationToken", 200) ?? Check.Id(request.PaymentId, "paymentId", 200)) is { } invalid)
        {
            return invalid;
        }

        // A token that names no seat cannot be alive: it gets the same answer as a dead one.
        if (!SeatEndpoints.TryReadSeatId(ReservationToken.SeatIdOf(request.ReservationToken), out var address))
        {
            return GroupEndpoints.GroupIdOf(request.ReservationToken) is { } groupId
                ? await ConfirmGroupAsync(grains, appId, userId, groupId, request.ReservationToken!, request.PaymentId!)
                : ApiProblem.ReservationExpired;
        }

        var seat = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(appId, address.SeatId));
        ConfirmResult result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                result = await seat.ConfirmAsync(request.ReservationToken!, userId, request.PaymentId!);
                break;
            }
            catch (OrleansMessageRejectionException) when (attempt < SiloLeaving.Attempts)
            {
                // See SeatEndpoints.ReserveAsync; a confirmation is idempotent by token.
            }
        }

        if (result is { Outcome: ConfirmOutcome.Booked, Booking: { } booked })
        {
            await grains.GetGrain<IUserHoldsGrain>(GrainKeys.Scoped(appId, booked.UserId)).ForgetAsync([address.SeatId]);
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

    private static async Task<Results<Created<Booking>, Ok<Booking>, Created<GroupBookingResponse>, Ok<GroupBookingResponse>, ProblemResult>> ConfirmGroupAsync(
        GrainReferences grains, string appId, string? userId, string groupId, string token, string paymentId)
    {
        var result = await GroupEndpoints.ConfirmAsync(grains, appId, userId, groupId, token, paymentId);
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
