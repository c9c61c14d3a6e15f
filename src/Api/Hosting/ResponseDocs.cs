namespace Reservations.Api.Hosting;

/// <summary>A status that answers one of several bodies (a seat's token or a group's), for the OpenAPI document.</summary>
internal sealed record ResponseAlternatives(int StatusCode, IReadOnlyList<Type> Types);

/// <summary>The <c>error</c> codes a problem status stands for on one route, for the OpenAPI document.</summary>
internal sealed record ProblemCodes(int StatusCode, string Description);

internal static class ResponseDocs
{
    /// <summary>
    /// The status answers either body. ASP.NET Core keeps one type per status from a handler's
    /// <c>Results&lt;...&gt;</c>, the last, so the document would show only the group's.
    /// </summary>
    public static RouteHandlerBuilder ProducesEither<TSeat, TGroup>(this RouteHandlerBuilder builder, int statusCode) =>
        builder.WithMetadata(new ResponseAlternatives(statusCode, [typeof(TSeat), typeof(TGroup)]));

    public const string HoldsRateLimited = "too_many_requests: too many holds from this address or by this user in the app's window; wait Retry-After seconds.";

    public const string InvalidChannelKey = "invalid_channel_key: x-channel-key is not the key of one of the app's sales channels";

    public const string NotHolder = "not_holder: the reservation is another user's";

    public const string ConfirmRefused = "secret_key_required: a publishable key, or the app's original key when the app's confirmation is server; "
        + "signed_notification_required: the app's confirmation is signed, so only POST /payment-notifications confirms";

    public const string Expired = "reservation_expired: the hold expired, was released or booked, or the token names no hold of this app.";

    public const string BadToken = "validation_failed: reservationToken missing or over 200 characters; malformed_json: the body is not JSON of the expected types.";

    /// <summary>What every user route may answer before it runs: refused credentials (401) and apps (403), with the route's own 403.</summary>
    public static RouteHandlerBuilder ProducesUserProblems(this RouteHandlerBuilder builder, string? forbidden = null) =>
        builder
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized,
                "invalid_app_credentials: x-app-id and x-api-key are not an app and its current key; invalid_token: the bearer token is missing, bad, expired or not a user's of this app.")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden,
                $"{(forbidden is null ? "" : forbidden + "; ")}app_disabled: the app is disabled; origin_not_allowed: the Origin is not among the app's allowed domains.");

    /// <summary>The status is a problem+json answer whose <c>error</c> is one of those described.</summary>
    public static RouteHandlerBuilder ProducesProblemCodes(this RouteHandlerBuilder builder, int statusCode, string description) =>
        builder.ProducesProblem(statusCode).WithMetadata(new ProblemCodes(statusCode, description));
}
