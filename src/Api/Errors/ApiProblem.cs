namespace Reservations.Api.Errors;

/// <summary>The one way the API answers "no": RFC 9457 problem+json with a stable <c>error</c> code.</summary>
internal static class ApiProblem
{
    public const string ErrorMember = "error";

    /// <summary>The seat is held or booked: a hot seat's answer to nearly everyone, so made once.</summary>
    public static readonly ProblemResult SeatUnavailable = new(StatusCodes.Status409Conflict, "seat_unavailable", "The seat is held or booked.");

    public static readonly ProblemResult SeatInChannel = new(StatusCodes.Status409Conflict, "seat_in_channel",
        "The seat is kept for a sales channel; only requests with that channel's key (x-channel-key) can hold it.");

    public static readonly ProblemResult SeatNotFound = new(StatusCodes.Status404NotFound, "seat_not_found", "No such seat in this app.");

    public static readonly ProblemResult ReservationExpired =
        new(StatusCodes.Status410Gone, "reservation_expired", "The reservation expired or was released; hold the seat again.");

    public static readonly ProblemResult NotHolder = new(StatusCodes.Status403Forbidden, "not_holder", "This reservation is someone else's.");

    public static readonly ProblemResult TooManyHolds = new(StatusCodes.Status409Conflict, "too_many_holds",
        "You already hold the most seats this app allows at once; release or book one first.");

    public static readonly ProblemResult NotEnoughSeats = new(StatusCodes.Status409Conflict, "not_enough_seats",
        "Not enough free seats fit the request together: side by side in a row, or in one section.");

    public static readonly ProblemResult BestSeatsContended = new(StatusCodes.Status409Conflict, "best_seats_contended",
        "Other customers took every choice of seats first; nothing is held. Try again.");

    public static readonly ProblemResult TokenUsed = new(StatusCodes.Status409Conflict, "token_used", "This reservation was confirmed with another paymentId.");

    public static ProblemResult SeatsUnavailable(IEnumerable<string> seatIds) =>
        new(StatusCodes.Status409Conflict, "seats_unavailable", "Some of the seats are held or booked; none is held for this request.", "unavailableSeatIds", seatIds);

    public static ProblemResult SeatsNotFound(IEnumerable<string> seatIds) =>
        new(StatusCodes.Status404NotFound, "seat_not_found", "Some of the seats do not exist in this app; none is held for this request.", "unknownSeatIds", seatIds);

    public static ProblemResult TooManySeats(int max) =>
        new(StatusCodes.Status400BadRequest, "too_many_seats", $"A group hold names at most {max} seats.");

    public static ProblemResult GroupIncomplete(IEnumerable<string> seatIds) =>
        new(StatusCodes.Status409Conflict, "group_incomplete",
            "Some seats of this group were booked with this paymentId; the holds of the others ended first.", "lostSeatIds", seatIds);

    public static readonly ProblemResult ExtensionLimit = new(StatusCodes.Status409Conflict, "extension_limit",
        "This hold cannot be extended again: it reached the most extensions or the longest total hold.");

    public static readonly ProblemResult PaymentInProgress = new(StatusCodes.Status409Conflict, "payment_in_progress",
        "Payment has started on this hold: it is kept for the payment's grace period and is not extended.");

    public static readonly ProblemResult InvalidAppCredentials =
        new(StatusCodes.Status401Unauthorized, "invalid_app_credentials", "x-app-id and x-api-key must name an app and its current key.");

    public static readonly ProblemResult InvalidToken = new(StatusCodes.Status401Unauthorized, "invalid_token", "A valid bearer token for this app is required.");

    public static ProblemResult Of(int status, string error, string detail) => new(status, error, detail);

    public static ProblemResult Validation(string detail) => Of(StatusCodes.Status400BadRequest, "validation_failed", detail);

    public static ProblemResult NotFound(string error, string detail) => Of(StatusCodes.Status404NotFound, error, detail);

    /// <summary>The code a bare status gets when nothing more specific was said (404 of an unknown route, say).</summary>
    public static string DefaultErrorFor(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        410 => "gone",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        503 => "unavailable",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };
}
