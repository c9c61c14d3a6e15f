using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Seats;
using Reservations.Runtime;

namespace Reservations.Api.Endpoints;

internal static class BookingEndpoints
{
    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Bookings").RequireTenantUser();
        group.MapPost("/confirm-booking", ConfirmAsync);
        group.MapGet("/my-bookings", GetMineAsync);
        return app;
    }

    private static async Task<Results<Created<Booking>, Ok<Booking>, ProblemHttpResult>> ConfirmAsync(
        ConfirmBookingRequest request, HttpContext http, IGrainFactory grains)
    {
        if ((Check.Text(request.ReservationToken, "reservationToken", 200) ?? Check.Id(request.PaymentId, "paymentId", 200)) is { } invalid)
        {
            return invalid;
        }

        if (ReservationToken.SeatIdOf(request.ReservationToken) is not { } seatId || Check.Id(seatId, "seatId") is not null)
        {
            return ApiProblem.ReservationExpired();
        }

        var seat = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(http.AppId(), seatId));
        var result = await seat.ConfirmAsync(request.ReservationToken!, http.UserId(), request.PaymentId!);
        return result switch
        {
            { Outcome: ConfirmOutcome.Booked, Booking: { } booking } => TypedResults.Created((string?)null, booking),
            { Outcome: ConfirmOutcome.AlreadyBooked, Booking: { } booking } => TypedResults.Ok(booking),
            { Outcome: ConfirmOutcome.TokenUsed } =>
                ApiProblem.Of(StatusCodes.Status409Conflict, "token_used", "This reservation was confirmed with another paymentId."),
            { Outcome: ConfirmOutcome.NotHolder } =>
                ApiProblem.Of(StatusCodes.Status403Forbidden, "not_holder", "This reservation is someone else's."),
            _ => ApiProblem.ReservationExpired(),
        };
    }

    private static async Task<Ok<IReadOnlyList<Booking>>> GetMineAsync(HttpContext http, IRecordStore records, CancellationToken cancellationToken)
    {
        var bookings = new List<Booking>();
        UniqueRecord? before = null;
        while (true)
        {
            var page = await records.QueryAsync(
                new RecordQuery(Booking.RecordKind, Partition: http.AppId(), Owner: http.UserId(), Before: before, Limit: 500), cancellationToken);
            bookings.AddRange(page.Select(ReadBooking));
            if (page.Count < 500)
            {
                return TypedResults.Ok<IReadOnlyList<Booking>>(bookings);
            }

            before = page[^1];
        }
    }

    internal static Booking ReadBooking(UniqueRecord record) =>
        JsonSerializer.Deserialize(record.Payload, GrainsAbstractionsJsonContext.Default.Booking)
            ?? throw new InvalidOperationException($"Booking record {record.Partition}/{record.Key} is empty.");
}
