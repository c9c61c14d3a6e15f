using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Groups;
using Reservations.Grains.Seats;
using Reservations.Grains.Users;

namespace Reservations.Api.Endpoints;

/// <summary>A hold's time: <c>POST /extend-hold</c> and <c>POST /payment-started</c>, for a seat's token or a group's.</summary>
internal sealed class HoldTimeEndpoints(GrainReferences grains)
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var endpoints = new HoldTimeEndpoints(app.ServiceProvider.GetRequiredService<GrainReferences>());
        var holds = app.MapGroup("").WithTags("Seats").RequireTenantUser();
        // The refusals' statuses, which ProblemResult alone does not tell the OpenAPI document.
        holds.MapPost("/extend-hold", endpoints.ExtendAsync).WithName("extendHold").WithSummary("Extend a hold (a limited number of times)")
            .ProducesEither<HoldTimeResponse, GroupHoldTimeResponse>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ResponseDocs.BadToken)
            .ProducesUserProblems(ResponseDocs.NotHolder)
            .ProducesProblemCodes(StatusCodes.Status409Conflict,
                "extension_limit: the hold was extended Reservations:MaxHoldExtensions (3) times, or ends Reservations:MaxHoldTotal (10 min) after its grant; payment_in_progress: payment has started on this hold.")
            .ProducesProblemCodes(StatusCodes.Status410Gone, ResponseDocs.Expired);
        holds.MapPost("/payment-started", endpoints.StartPaymentAsync).WithName("startPayment").WithSummary("Say payment started: the hold is kept for the payment's grace period")
            .ProducesEither<HoldTimeResponse, GroupHoldTimeResponse>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ResponseDocs.BadToken)
            .ProducesUserProblems(ResponseDocs.NotHolder)
            .ProducesProblemCodes(StatusCodes.Status410Gone, ResponseDocs.Expired);
        return app;
    }

    // Not sent again when a leaving silo rejects it: an extension that did run would be counted twice.
    private Task<Results<Ok<HoldTimeResponse>, Ok<GroupHoldTimeResponse>, ProblemResult>> ExtendAsync(HoldRequest request, HttpContext http) =>
        ChangeAsync(request, http, (seat, token, user) => seat.ExtendAsync(token, user), (group, token, user) => group.ExtendAsync(token, user));

    // A repeat changes nothing (the grace counts from the first call), so a rejected call is sent again.
    private Task<Results<Ok<HoldTimeResponse>, Ok<GroupHoldTimeResponse>, ProblemResult>> StartPaymentAsync(HoldRequest request, HttpContext http) =>
        ChangeAsync(
            request,
            http,
            (seat, token, user) => SiloLeaving.RetryAsync(() => seat.StartPaymentAsync(token, user)),
            (group, token, user) => SiloLeaving.RetryAsync(() => group.StartPaymentAsync(token, user)));

    private async Task<Results<Ok<HoldTimeResponse>, Ok<GroupHoldTimeResponse>, ProblemResult>> ChangeAsync(
        HoldRequest request,
        HttpContext http,
        Func<ISeatGrain, string, string, Task<HoldChange>> seatCall,
        Func<ISeatGroupGrain, string, string, Task<HoldChange>> groupCall)
    {
        if (Check.Text(request.ReservationToken, "reservationToken", 200) is { } invalid)
        {
            return invalid;
        }

        var token = request.ReservationToken!;
        if (SeatEndpoints.TryReadSeatId(ReservationToken.SeatIdOf(token), out var address))
        {
            var change = await seatCall(grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(http.AppId(), address.SeatId)), token, http.UserId());
            if (change is { Outcome: HoldChangeOutcome.Changed, HeldUntil: { } heldUntil })
            {
                await grains.GetGrain<IUserHoldsGrain>(GrainKeys.Scoped(http.AppId(), http.UserId())).ExtendAsync([address.SeatId], heldUntil);
            }

            return change is { Outcome: HoldChangeOutcome.Changed, HeldUntil: { } until }
                ? TypedResults.Ok(new HoldTimeResponse(address.SeatId, until, change.ExtensionsLeft))
                : Refusal(change.Outcome);
        }

        if (GroupEndpoints.GroupIdOf(token) is not { } groupId)
        {
            return ApiProblem.ReservationExpired; // a token that names neither a seat nor a group cannot be alive
        }

        var group = grains.GetGrain<ISeatGroupGrain>(GrainKeys.Scoped(http.AppId(), groupId));
        var moved = await groupCall(group, token, http.UserId());
        return moved is { Outcome: HoldChangeOutcome.Changed, HeldUntil: { } groupUntil, SeatIds: { } seatIds }
            ? TypedResults.Ok(new GroupHoldTimeResponse(seatIds, groupUntil, moved.ExtensionsLeft))
            : Refusal(moved.Outcome);
    }

    private static ProblemResult Refusal(HoldChangeOutcome outcome) => outcome switch
    {
        HoldChangeOutcome.NotHolder => ApiProblem.NotHolder,
        HoldChangeOutcome.ExtensionLimit => ApiProblem.ExtensionLimit,
        HoldChangeOutcome.PaymentStarted => ApiProblem.PaymentInProgress,
        _ => ApiProblem.ReservationExpired,
    };
}
