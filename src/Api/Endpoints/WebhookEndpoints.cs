using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Webhooks;

namespace Reservations.Api.Endpoints;

/// <summary>An app's webhook endpoints and their deliveries, for the admin (docs/webhooks.md).</summary>
internal static class WebhookEndpoints
{
    private const int MaxUrlLength = 2048;
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/apps/{appId}/webhooks").WithTags("Webhooks").RequireAdmin();
        group.MapPost("", RegisterAsync).WithName("createWebhookEndpoint").WithSummary("Register a webhook endpoint: its signing secret is shown once");
        group.MapGet("", ListAsync).WithName("listWebhookEndpoints").WithSummary("An app's webhook endpoints");
        group.MapDelete("/{endpointId}", RemoveAsync).WithName("deleteWebhookEndpoint").WithSummary("Remove a webhook endpoint");
        group.MapPost("/{endpointId}/rotate-secret", RotateSecretAsync).WithName("rotateWebhookSecret").WithSummary("Issue a new signing secret for a webhook endpoint");
        group.MapGet("/{endpointId}/deliveries", ListDeliveriesAsync).WithName("listWebhookDeliveries").WithSummary("An endpoint's deliveries, newest first");
        group.MapPost("/{endpointId}/deliveries/{eventId}/replay", ReplayAsync).WithName("replayWebhookDelivery").WithSummary("Send a delivery again");
        return app;
    }

    private static async Task<Results<Created<WebhookEndpointSecretResponse>, ProblemResult>> RegisterAsync(
        string appId, WebhookEndpointRequest request, GrainReferences grains)
    {
        if (ParseUrl(request.Url) is { } badUrl)
        {
            return badUrl;
        }

        if (ParseEvents(request.Events, out var types) is { } badEvents)
        {
            return badEvents;
        }

        if (!await AdminEndpoints.AppExistsAsync(grains, appId))
        {
            return AdminEndpoints.AppNotFound();
        }

        var registration = await grains.GetGrain<IWebhookEndpointsGrain>(appId).RegisterAsync(request.Url!.Trim(), types, request.Batch ?? false);
        if (registration is not { Outcome: WebhookRegistrationOutcome.Registered, Created: { } created })
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "too_many_webhooks", $"An app may have at most {WebhookEndpointsGrain.MaxEndpoints} webhook endpoints.");
        }

        return TypedResults.Created($"/admin/apps/{appId}/webhooks/{created.Endpoint.EndpointId}", WebhookEndpointSecretResponse.From(created));
    }

    private static async Task<Results<Ok<WebhookEndpointListResponse>, ProblemResult>> ListAsync(string appId, GrainReferences grains)
    {
        if (!await AdminEndpoints.AppExistsAsync(grains, appId))
        {
            return AdminEndpoints.AppNotFound();
        }

        var endpoints = await grains.GetGrain<IWebhookEndpointsGrain>(appId).ListAsync();
        return TypedResults.Ok(new WebhookEndpointListResponse(endpoints.Select(WebhookEndpointResponse.From).ToList()));
    }

    private static async Task<Results<NoContent, ProblemResult>> RemoveAsync(string appId, string endpointId, GrainReferences grains) =>
        await EndpointOf(grains, appId, endpointId) is { } missing ? missing
        : await grains.GetGrain<IWebhookEndpointsGrain>(appId).RemoveAsync(endpointId) ? TypedResults.NoContent()
        : WebhookNotFound();

    private static async Task<Results<Ok<WebhookEndpointSecretResponse>, ProblemResult>> RotateSecretAsync(string appId, string endpointId, GrainReferences grains) =>
        await EndpointOf(grains, appId, endpointId) is { } missing ? missing
        : await grains.GetGrain<IWebhookEndpointsGrain>(appId).RotateSecretAsync(endpointId) is { } rotated ? TypedResults.Ok(WebhookEndpointSecretResponse.From(rotated))
        : WebhookNotFound();

    private static async Task<Results<Ok<WebhookDeliveryListResponse>, ProblemResult>> ListDeliveriesAsync(
        string appId, string endpointId, string? cursor, int? limit, GrainReferences grains)
    {
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return ApiProblem.Validation($"limit must be between 1 and {MaxPageSize}.");
        }

        string? after = null;
        if (cursor is not null)
        {
            if (CursorCodec.Decode(cursor, ApiJsonContext.Default.WebhookDeliveryCursorJson) is not { EventId: { } eventId })
            {
                return ApiProblem.Validation("cursor is not one this API gave out.");
            }

            after = eventId;
        }

        if (await EndpointOf(grains, appId, endpointId) is { } missing)
        {
            return missing;
        }

        var page = await Dispatcher(grains, appId, endpointId).ListAsync(after, size);
        var next = page.After is { } last ? CursorCodec.Encode(new WebhookDeliveryCursorJson(last), ApiJsonContext.Default.WebhookDeliveryCursorJson) : null;
        return TypedResults.Ok(new WebhookDeliveryListResponse(page.Items.Select(WebhookDeliveryResponse.From).ToList(), next));
    }

    private static async Task<Results<Accepted<WebhookReplayResponse>, ProblemResult>> ReplayAsync(
        string appId, string endpointId, string eventId, GrainReferences grains)
    {
        if (Check.Id(eventId, "eventId") is { } invalid)
        {
            return invalid;
        }

        return await EndpointOf(grains, appId, endpointId) is { } missing ? missing
            : await Dispatcher(grains, appId, endpointId).ReplayAsync(eventId) ? TypedResults.Accepted((string?)null, new WebhookReplayResponse(eventId, "pending"))
            : ApiProblem.NotFound("delivery_not_found", "This endpoint has no delivery of that event.");
    }

    /// <summary>Null when the app and its endpoint exist; otherwise the 404 to answer.</summary>
    private static async Task<ProblemResult?> EndpointOf(GrainReferences grains, string appId, string endpointId) =>
        !await AdminEndpoints.AppExistsAsync(grains, appId) ? AdminEndpoints.AppNotFound()
        : Check.Id(endpointId, "endpointId") is not null || await grains.GetGrain<IWebhookEndpointsGrain>(appId).GetAsync(endpointId) is null ? WebhookNotFound()
        : null;

    private static IWebhookDispatcherGrain Dispatcher(GrainReferences grains, string appId, string endpointId) =>
        grains.GetGrain<IWebhookDispatcherGrain>(GrainKeys.Scoped(appId, endpointId));

    private static ProblemResult WebhookNotFound() => ApiProblem.NotFound("webhook_not_found", "No such webhook endpoint in this app.");

    /// <summary>https anywhere; plain http only to this machine (a receiver under test), never with credentials in the URL.</summary>
    private static ProblemResult? ParseUrl(string? value)
    {
        var text = value?.Trim();
        if (Check.Text(text, "url", MaxUrlLength) is { } invalid)
        {
            return invalid;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment)
                ? null
                : ApiProblem.Validation("url must be an absolute https URL (plain http only to localhost), without user info or fragment.");
    }

    private static ProblemResult? ParseEvents(IReadOnlyList<string?>? names, out WebhookEventTypes types)
    {
        types = WebhookEventTypes.None;
        if (names is null || names.Count == 0 || names.Count > WebhookEventNames.All.Length)
        {
            return ApiProblem.Validation($"events must list one or more of: {string.Join(", ", WebhookEventNames.All)}.");
        }

        foreach (var name in names)
        {
            if (!WebhookEventNames.TryParse(name, out var type))
            {
                return ApiProblem.Validation($"events may only hold: {string.Join(", ", WebhookEventNames.All)}.");
            }

            types |= type;
        }

        return null;
    }
}
