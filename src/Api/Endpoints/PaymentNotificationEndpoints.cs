using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains.Seats;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Endpoints;

/// <summary>
/// <c>POST /payment-notifications</c>: the app's server tells the engine a payment succeeded, signed
/// the Standard Webhooks way (as the engine signs its webhooks, docs/payments.md), and the hold it names
/// is booked for whoever holds it. The signature is the credential: it is checked before the body is
/// parsed, with the app's current signing secret, and a timestamp more than
/// <see cref="Tolerance"/> from the engine's clock is refused. A notification sent again books nothing
/// new: confirming is idempotent by token and paymentId (I3), and both are in the signed body.
/// </summary>
internal sealed class PaymentNotificationEndpoints(GrainReferences grains, TenantAuthCache tenants, TimeProvider time)
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxIdLength = 200;
    private const int MaxSignatureLength = 1024;

    private static readonly ProblemResult InvalidSignature = ApiProblem.Of(StatusCodes.Status401Unauthorized, "invalid_signature",
        $"x-app-id, {IdHeader}, {TimestampHeader} and {SignatureHeader} must name an app and carry a signature of this body by its current payment signing secret.");

    private static readonly ProblemResult StaleTimestamp = ApiProblem.Of(StatusCodes.Status401Unauthorized, "stale_timestamp",
        $"{TimestampHeader} is more than {Tolerance.TotalMinutes:0} minutes from the engine's clock: sign the notification again with the current time.");

    private static readonly ProblemResult AppDisabled = ApiProblem.Of(StatusCodes.Status403Forbidden, "app_disabled", "This app is disabled.");

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        var endpoints = new PaymentNotificationEndpoints(
            services.GetRequiredService<GrainReferences>(), services.GetRequiredService<TenantAuthCache>(), services.GetRequiredService<TimeProvider>());
        app.MapPost("/payment-notifications", endpoints.NotifyAsync).WithName("notifyPayment").WithSummary("A signed payment notification from the app's server: books the hold")
            .WithTags("Bookings")
            .WithMetadata(new SignedNotificationMetadata())
            .WithBodyLimit(MaxBodyBytes)
            .Accepts<ConfirmBookingRequest>("application/json")
            .ProducesEither<Booking, GroupBookingResponse>(StatusCodes.Status201Created)
            .ProducesEither<Booking, GroupBookingResponse>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest,
                "validation_failed: reservationToken or paymentId missing or malformed (as POST /confirm-booking); malformed_json. Only once the signature is valid.")
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized,
                "invalid_signature: a header missing or malformed, no such app, no signing secret issued, or not a signature of this body by the current one; "
                + "stale_timestamp: webhook-timestamp more than 5 minutes from the engine's clock.")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "app_disabled: the app is disabled.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict,
                "token_used: the reservation was confirmed with another paymentId; group_incomplete (a group's token): lostSeatIds lists the seats whose holds ended first.")
            .ProducesProblemCodes(StatusCodes.Status410Gone, ResponseDocs.Expired)
            .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, $"payload_too_large: the body is over {MaxBodyBytes} bytes.")
            .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type: the body is not application/json.");
        return app;
    }

    private async Task<Results<Created<Booking>, Ok<Booking>, Created<GroupBookingResponse>, Ok<GroupBookingResponse>, ProblemResult>> NotifyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var headers = http.Request.Headers;
        var appId = headers[ApiKeyAuthenticationHandler.AppIdHeader].ToString();
        var id = headers[IdHeader].ToString();
        var signature = headers[SignatureHeader].ToString();
        if (!ApiKeyAuthenticationHandler.IsAppIdShaped(appId)
            || id.Length is 0 or > MaxIdLength
            || signature.Length is 0 or > MaxSignatureLength
            || !long.TryParse(headers[TimestampHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return InvalidSignature;
        }

        if (Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds)
        {
            return StaleTimestamp;
        }

        if (await tenants.GetAsync(appId) is not { } auth)
        {
            return InvalidSignature;
        }

        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        // The secret is derived from the engine's webhook key, which only silos hold: the tenant grain checks.
        if (!await grains.GetGrain<ITenantGrain>(appId).VerifyPaymentNotificationAsync(new PaymentNotificationSignature(id, timestamp, body, signature)))
        {
            return InvalidSignature;
        }

        // Only a signed caller learns the app's status, as with the app key scheme.
        if (!auth.Enabled)
        {
            return AppDisabled;
        }

        if (!http.Request.HasJsonContentType())
        {
            return ApiProblem.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send the body as application/json.");
        }

        ConfirmBookingRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, ApiJsonContext.Default.ConfirmBookingRequest);
        }
        catch (JsonException exception)
        {
            return ApiProblem.Of(StatusCodes.Status400BadRequest, "malformed_json", $"The body is not valid JSON of the expected shape (at {exception.Path ?? "$"}).");
        }

        return await BookingEndpoints.ConfirmHoldAsync(grains, appId, userId: null, request ?? new ConfirmBookingRequest(null, null));
    }
}

/// <summary>Marks the route a payment signature authenticates, for the OpenAPI document.</summary>
internal sealed record SignedNotificationMetadata;
