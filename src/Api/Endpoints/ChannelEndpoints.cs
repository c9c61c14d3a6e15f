using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Channels;
using Reservations.Grains.Seats;

namespace Reservations.Api.Endpoints;

/// <summary>
/// Sales channels, for the admin (<c>/admin/apps/{appId}/channels</c>) and the app's server (<c>/channels</c>,
/// not with a publishable key): create one (its key shown once), list them, keep seats for one, make seats public.
/// </summary>
internal static class ChannelEndpoints
{
    private const int MaxSeatsPerCall = 1000;

    public static readonly ProblemResult ChannelNotFound = ApiProblem.NotFound("channel_not_found", "This app has no sales channel of that name.");

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/apps/{appId}/channels").WithTags("Channels").RequireAdmin();
        admin.MapPost("", (string appId, CreateChannelRequest request, GrainReferences grains) => AppAsync(grains, appId, () => CreateAsync(grains, appId, request)))
            .WithName("createAppChannel").WithSummary("Create a sales channel of an app: its key is shown once").Documented(creates: true);
        admin.MapGet("", (string appId, GrainReferences grains) => AppAsync(grains, appId, () => ListAsync(grains, appId)))
            .WithName("listAppChannels").WithSummary("List an app's sales channels").ProducesProblemCodes(StatusCodes.Status404NotFound, "app_not_found: no such app.");
        admin.MapPost("/{name}/seats", (string appId, string name, ChannelSeatsRequest request, GrainReferences grains) =>
                AppAsync(grains, appId, () => AssignAsync(grains, appId, name, request)))
            .WithName("keepAppSeatsForChannel").WithSummary("Keep seats for a sales channel of an app").Documented();
        admin.MapPost("/{name}/release", (string appId, string name, ChannelSeatsRequest request, GrainReferences grains) =>
                AppAsync(grains, appId, () => ReleaseAsync(grains, appId, name, request)))
            .WithName("releaseAppChannelSeats").WithSummary("Make seats of a sales channel of an app public at once").Documented();

        var tenant = app.MapGroup("/channels").WithTags("Channels").RequireTenant();
        tenant.MapPost("", (CreateChannelRequest request, HttpContext http, GrainReferences grains) => ServerAsync(http, () => CreateAsync(grains, http.AppId(), request)))
            .WithName("createChannel").WithSummary("Create a sales channel: its key is shown once").Documented(creates: true, server: true);
        tenant.MapGet("", (HttpContext http, GrainReferences grains) => ServerAsync(http, () => ListAsync(grains, http.AppId())))
            .WithName("listChannels").WithSummary("List the app's sales channels")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "secret_key_required: a publishable key may not manage channels.");
        tenant.MapPost("/{name}/seats", (string name, ChannelSeatsRequest request, HttpContext http, GrainReferences grains) =>
                ServerAsync(http, () => AssignAsync(grains, http.AppId(), name, request)))
            .WithName("keepSeatsForChannel").WithSummary("Keep seats for a sales channel").Documented(server: true);
        tenant.MapPost("/{name}/release", (string name, ChannelSeatsRequest request, HttpContext http, GrainReferences grains) =>
                ServerAsync(http, () => ReleaseAsync(grains, http.AppId(), name, request)))
            .WithName("releaseChannelSeats").WithSummary("Make seats of a sales channel public at once").Documented(server: true);
        return app;
    }

    private static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, bool creates = false, bool server = false)
    {
        builder.ProducesProblemCodes(StatusCodes.Status400BadRequest,
            creates ? "validation_failed: name missing, over 50 characters or not letters, digits, - _ . :; malformed_json."
            : $"validation_failed: seatIds empty, over {MaxSeatsPerCall}, malformed, or a seat twice; malformed_json.");
        builder.ProducesProblemCodes(StatusCodes.Status404NotFound, (server ? "" : "app_not_found: no such app; ")
            + (creates ? "" : "channel_not_found: no such channel; seat_not_found: some seats do not exist, unknownSeatIds lists them (no seat changed)."));
        if (creates)
        {
            builder.ProducesProblemCodes(StatusCodes.Status409Conflict, $"channel_exists: the app has a channel of that name, or {ChannelsGrain.MaxChannels} channels already.");
        }

        return server ? builder.ProducesProblemCodes(StatusCodes.Status403Forbidden, "secret_key_required: a publishable key may not manage channels.") : builder;
    }

    private static async Task<Results<TOk, ProblemResult>> AppAsync<TOk>(GrainReferences grains, string appId, Func<Task<Results<TOk, ProblemResult>>> handle)
        where TOk : IResult =>
        await AdminEndpoints.AppExistsAsync(grains, appId) ? await handle() : AdminEndpoints.AppNotFound();

    private static async Task<Results<TOk, ProblemResult>> ServerAsync<TOk>(HttpContext http, Func<Task<Results<TOk, ProblemResult>>> handle)
        where TOk : IResult =>
        http.User.IdentityOf<AppIdentity>()?.Kind is AppKeys.Publishable ? AppKeys.SecretKeyRequired : await handle();

    private static async Task<Results<Created<ChannelKeyResponse>, ProblemResult>> CreateAsync(
        GrainReferences grains, string appId, CreateChannelRequest request)
    {
        if (Check.Id(request.Name, "name", 50) is { } invalid)
        {
            return invalid;
        }

        var key = await grains.GetGrain<IChannelsGrain>(appId).TryCreateAsync(request.Name!);
        return key is null
            ? ApiProblem.Of(StatusCodes.Status409Conflict, "channel_exists", $"This app has a channel named {request.Name}, or {ChannelsGrain.MaxChannels} channels already.")
            : TypedResults.Created((string?)null, new ChannelKeyResponse(request.Name!, key));
    }

    private static async Task<Results<Ok<ChannelListResponse>, ProblemResult>> ListAsync(GrainReferences grains, string appId)
    {
        var channels = await grains.GetGrain<IChannelsGrain>(appId).ListAsync();
        return TypedResults.Ok(new ChannelListResponse([.. channels.Select(c => new ChannelResponse(c.Name, c.CreatedAt))]));
    }

    private static Task<Results<Ok<ChannelSeatsResponse>, ProblemResult>> AssignAsync(
        GrainReferences grains, string appId, string name, ChannelSeatsRequest request) => SetAsync(grains, appId, name, name, request);

    private static Task<Results<Ok<ChannelSeatsResponse>, ProblemResult>> ReleaseAsync(
        GrainReferences grains, string appId, string name, ChannelSeatsRequest request) => SetAsync(grains, appId, name, null, request);

    // Every seat named must exist before any changes; each seat then keeps its own channel (the authority for its holds).
    private static async Task<Results<Ok<ChannelSeatsResponse>, ProblemResult>> SetAsync(
        GrainReferences grains, string appId, string name, string? channel, ChannelSeatsRequest request)
    {
        if (Validate(request.SeatIds) is { } invalid)
        {
            return invalid;
        }

        if (!await grains.GetGrain<IChannelsGrain>(appId).ExistsAsync(name))
        {
            return ChannelNotFound;
        }

        var seatIds = request.SeatIds!.Select(id => id!).ToArray();
        var views = await Task.WhenAll(seatIds.Select(id => SeatEndpoints.TryReadSeatId(id, out _) ? Seat(grains, appId, id).GetAsync() : Task.FromResult<SeatView?>(null)));
        var unknown = seatIds.Where((_, i) => views[i] is null).ToArray();
        if (unknown.Length > 0)
        {
            return ApiProblem.SeatsNotFound(unknown);
        }

        await Task.WhenAll(seatIds.Select(id => Seat(grains, appId, id).SetChannelAsync(channel)));
        return TypedResults.Ok(new ChannelSeatsResponse(channel, seatIds));
    }

    private static ProblemResult? Validate(IReadOnlyList<string?>? seatIds)
    {
        if (seatIds is not { Count: > 0 and <= MaxSeatsPerCall })
        {
            return ApiProblem.Validation($"seatIds must name 1 to {MaxSeatsPerCall} seats.");
        }

        for (var i = 0; i < seatIds.Count; i++)
        {
            if (Check.Id(seatIds[i], $"seatIds[{i}]") is { } invalid)
            {
                return invalid;
            }
        }

        return seatIds.Distinct(StringComparer.Ordinal).Count() == seatIds.Count ? null : ApiProblem.Validation("seatIds must not name a seat twice.");
    }

    private static ISeatGrain Seat(GrainReferences grains, string appId, string seatId) => grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(appId, seatId));
}
