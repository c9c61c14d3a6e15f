using System.Collections.Immutable;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Limits;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Admin;
using Reservations.Grains.BestSeats;
using Reservations.Grains.Bookings;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Sessions;
using Reservations.Grains.Tenants;
using Reservations.Grains.Usage;

namespace Reservations.Api.Endpoints;

internal static class AdminEndpoints
{
    private const string LogCategory = "Reservations.Api.Admin";
    private const int MaxSeedBodyBytes = 16 * 1024 * 1024;
    private const int MaxAllowedDomains = 50;
    private const int MaxHoldExtensions = 20;
    private const int MaxHoldSeconds = 3600;
    private const string AppIdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/login", LogInAsync).WithName("adminLogIn").WithSummary("Log in as an admin: answers an admin token").WithTags("Admin").RequirePasswordHashingLimit()
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, "too_many_requests: too many logins at once; " + LoginRefusal.LockedDoc);

        var group = app.MapGroup("/admin").WithTags("Admin").RequireAdmin();
        group.MapPost("/apps", CreateAppAsync).WithName("createApp").WithSummary("Create an app (tenant): its key is shown once");
        group.MapGet("/apps", ListAppsAsync).WithName("listApps").WithSummary("List every app");
        group.MapGet("/apps/{appId}", GetAppAsync).WithName("getApp").WithSummary("Get one app");
        group.MapPost("/logout-all", LogOutAllAsync).WithName("adminLogOutAll").WithSummary("Revoke every admin token of this admin");
        group.MapPatch("/apps/{appId}", UpdateAppAsync).WithName("updateApp").WithSummary("Change an app: name, domains, status, limits, confirmation");
        group.MapPost("/apps/{appId}/rotate-key", RotateKeyAsync).WithName("rotateAppKey").WithSummary("Replace the app's original key");
        group.MapPost("/apps/{appId}/rotate-publishable-key", RotatePublishableKeyAsync).WithName("rotatePublishableKey").WithSummary("Issue a new publishable key (browser-safe)");
        group.MapPost("/apps/{appId}/rotate-secret-key", RotateSecretKeyAsync).WithName("rotateSecretKey").WithSummary("Issue a new secret key (server only)");
        group.MapPost("/apps/{appId}/rotate-signing-secret", RotateSigningSecretAsync).WithName("rotateSigningSecret").WithSummary("Issue a new signing secret for payment notifications");
        group.MapGet("/bookings", GetBookingsAsync).WithName("listAllBookings").WithSummary("List bookings of every app, paged and filtered");
        group.MapGet("/usage", GetUsageAsync).WithName("listUsage").WithSummary("Usage totals of every app");
        group.MapPost("/seed-data", SeedAsync).WithName("seedData").WithSummary("Add seats to an app's entity").WithBodyLimit(MaxSeedBodyBytes);
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemResult>> LogInAsync(
        AdminLoginRequest request, HttpContext context, GrainReferences grains, TokenService tokens, SessionVersions sessions, IOptions<AdminOptions> options, ILoggerFactory loggers)
    {
        if ((Check.Text(request.Username, "username", 64) ?? Check.Text(request.Password, "password", 256)) is { } invalid)
        {
            return invalid;
        }

        var username = options.Value.Username;
        var known = string.Equals(request.Username, username, StringComparison.Ordinal);
        // The hash is checked whatever the username, so response time does not tell whether it exists.
        var verified = await grains.GetGrain<IAdminGrain>(username).VerifyAsync(request.Password!);
        if (!known || !verified.Succeeded)
        {
            ApiLog.AdminLoginRefused(loggers.CreateLogger(LogCategory), known ? username : "(unknown)");
            return LoginRefusal.For(context, verified, "Wrong username or password.");
        }

        var (token, expiresAt) = tokens.IssueAdmin(username, await sessions.GetAsync(SessionKeys.Admin(username)));
        AdminPageCookie.Append(context, token, expiresAt);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    /// <summary>Revokes every admin token given so far, this one included, and the dashboard's cookie with them.</summary>
    private static async Task<NoContent> LogOutAllAsync(SessionVersions sessions, IOptions<AdminOptions> options)
    {
        await sessions.RevokeAllAsync(SessionKeys.Admin(options.Value.Username));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<CreatedAppResponse>, ProblemResult>> CreateAppAsync(
        CreateAppRequest request, GrainReferences grains, TenantAuthCache cache, ILoggerFactory loggers)
    {
        if (Check.Text(request.Name, "name", 100) is { } invalid)
        {
            return invalid;
        }

        if (!Enum.TryParse<TenantDomain>(request.Domain, ignoreCase: true, out var domain) || !Enum.IsDefined(domain) || request.Domain!.Any(char.IsDigit))
        {
            return ApiProblem.Validation("domain must be one of EVENT, BUS, MOVIE, RENTAL.");
        }

        if (ParseOrigins(request.AllowedDomains, out var origins) is { } badOrigins)
        {
            return badOrigins;
        }

        var settings = new TenantSettings(request.Name!.Trim(), domain, origins);
        while (true)
        {
            var appId = NewAppId();
            var tenant = grains.GetGrain<ITenantGrain>(appId);
            var apiKey = await tenant.CreateAsync(settings);
            if (apiKey is null)
            {
                continue; // That id is taken: draw another.
            }

            cache.Invalidate(appId);
            var view = await tenant.GetAsync() ?? throw new InvalidOperationException($"App {appId} vanished.");
            ApiLog.AppCreated(loggers.CreateLogger(LogCategory), appId, view.Name);
            var app = AppResponse.From(view);
            return TypedResults.Created($"/admin/apps/{appId}", new CreatedAppResponse(app.AppId, apiKey, app.Name, app.Domain, app.AllowedDomains, app.Enabled, app.CreatedAt));
        }
    }

    private static async Task<Ok<IReadOnlyList<AppResponse>>> ListAppsAsync(GrainReferences grains)
    {
        var views = await ListTenantsAsync(grains);
        return TypedResults.Ok<IReadOnlyList<AppResponse>>(views.Select(AppResponse.From).ToList());
    }

    private static async Task<Results<Ok<AppResponse>, ProblemResult>> GetAppAsync(string appId, GrainReferences grains)
    {
        var view = ApiKeyAuthenticationHandler.IsAppIdShaped(appId) ? await grains.GetGrain<ITenantGrain>(appId).GetAsync() : null;
        return view is null ? AppNotFound() : TypedResults.Ok(AppResponse.From(view));
    }

    private static async Task<Results<Ok<AppResponse>, ProblemResult>> UpdateAppAsync(
        string appId, UpdateAppRequest request, GrainReferences grains, TenantAuthCache cache, IOptions<ReservationOptions> reservations)
    {
        if (!ApiKeyAuthenticationHandler.IsAppIdShaped(appId))
        {
            return AppNotFound();
        }

        if (request.Name is not null && Check.Text(request.Name, "name", 100) is { } invalid)
        {
            return invalid;
        }

        ImmutableArray<string>? origins = null;
        if (request.AllowedDomains is not null)
        {
            if (ParseOrigins(request.AllowedDomains, out var parsed) is { } badOrigins)
            {
                return badOrigins;
            }

            origins = parsed;
        }

        if (ParseHoldLimits(request.HoldLimits, reservations.Value.HoldDuration, out var limits) is { } badLimits)
        {
            return badLimits;
        }

        if (AbuseLimitsJson.Parse(request.Limits, out var abuseLimits) is { } badAbuseLimits)
        {
            return badAbuseLimits;
        }

        ConfirmationMode? confirmation = null;
        if (request.Confirmation is not null)
        {
            if (!ConfirmationModes.TryParse(request.Confirmation, out var mode))
            {
                return ApiProblem.Validation("confirmation must be one of any, server, signed.");
            }

            confirmation = mode;
        }

        var view = await grains.GetGrain<ITenantGrain>(appId).UpdateAsync(new TenantUpdate(request.Name?.Trim(), origins, request.Enabled, limits, confirmation, abuseLimits));
        cache.Invalidate(appId);
        return view is null ? AppNotFound() : TypedResults.Ok(AppResponse.From(view));
    }

    private static async Task<Results<Ok<RotateKeyResponse>, ProblemResult>> RotateKeyAsync(
        string appId, GrainReferences grains, TenantAuthCache cache, ILoggerFactory loggers)
    {
        var key = ApiKeyAuthenticationHandler.IsAppIdShaped(appId) ? await grains.GetGrain<ITenantGrain>(appId).RotateKeyAsync() : null;
        cache.Invalidate(appId);
        if (key is null)
        {
            return AppNotFound();
        }

        ApiLog.AppKeyRotated(loggers.CreateLogger(LogCategory), appId);
        return TypedResults.Ok(new RotateKeyResponse(appId, key));
    }

    private static async Task<Results<Ok<PublishableKeyResponse>, ProblemResult>> RotatePublishableKeyAsync(
        string appId, GrainReferences grains, TenantAuthCache cache, ILoggerFactory loggers) =>
        await RotateAsync(appId, AppCredential.PublishableKey, grains, cache, loggers) is { } key ? TypedResults.Ok(new PublishableKeyResponse(appId, key)) : AppNotFound();

    private static async Task<Results<Ok<SecretKeyResponse>, ProblemResult>> RotateSecretKeyAsync(
        string appId, GrainReferences grains, TenantAuthCache cache, ILoggerFactory loggers) =>
        await RotateAsync(appId, AppCredential.SecretKey, grains, cache, loggers) is { } key ? TypedResults.Ok(new SecretKeyResponse(appId, key)) : AppNotFound();

    private static async Task<Results<Ok<SigningSecretResponse>, ProblemResult>> RotateSigningSecretAsync(
        string appId, GrainReferences grains, TenantAuthCache cache, ILoggerFactory loggers) =>
        await RotateAsync(appId, AppCredential.SigningSecret, grains, cache, loggers) is { } secret ? TypedResults.Ok(new SigningSecretResponse(appId, secret)) : AppNotFound();

    /// <summary>Issues one of the app's secrets anew (the first time, issues it), to be shown this once; the one it replaces stops working. Null: no such app.</summary>
    private static async Task<string?> RotateAsync(string appId, AppCredential credential, GrainReferences grains, TenantAuthCache cache, ILoggerFactory loggers)
    {
        var secret = ApiKeyAuthenticationHandler.IsAppIdShaped(appId) ? await grains.GetGrain<ITenantGrain>(appId).RotateAsync(credential) : null;
        cache.Invalidate(appId);
        if (secret is not null)
        {
            ApiLog.AppCredentialRotated(loggers.CreateLogger(LogCategory), appId, credential);
        }

        return secret;
    }

    private static async Task<Results<Ok<BookingPage>, ProblemResult>> GetBookingsAsync(
        string? appId, string? entityId, string? userId, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor, GrainReferences grains)
    {
        if (appId is not null && !ApiKeyAuthenticationHandler.IsAppIdShaped(appId))
        {
            return ApiProblem.Validation("appId is not an app id.");
        }

        if (((entityId is null ? null : Check.Id(entityId, "entityId")) ?? (userId is null ? null : Check.Id(userId, "userId", 200))) is { } invalid)
        {
            return invalid;
        }

        // Entity and user ids are an app's own (two apps may both have an entity "bus-7"), and each
        // filter is served by an index that starts with the app.
        if ((entityId ?? userId) is not null && appId is null)
        {
            return ApiProblem.Validation("entityId and userId filter within one app: give appId too.");
        }

        if (limit is < 1 or > 500)
        {
            return ApiProblem.Validation("limit must be between 1 and 500.");
        }

        BookingCursor? after = null;
        if (cursor is not null && (after = BookingCursorCodec.Decode(cursor)) is null)
        {
            return ApiProblem.Validation("cursor is not a cursor this API gave out.");
        }

        var size = limit ?? 50;
        var page = await grains.GetGrain<IBookingsGrain>(0).QueryAsync(new BookingQuery(appId, userId, from, to, after, size, entityId));
        var next = page.Length == size ? BookingCursorCodec.Encode(page[^1]) : null;
        return TypedResults.Ok(new BookingPage(page, next));
    }

    private static async Task<Ok<IReadOnlyList<UsageResponse>>> GetUsageAsync(GrainReferences grains, UsageMeter usage, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var views = await ListTenantsAsync(grains);
        return TypedResults.Ok<IReadOnlyList<UsageResponse>>(views
            .Select(v => new UsageResponse(v.AppId, v.Name, v.Usage.Requests, v.Usage.HoldsGranted, v.Usage.HoldsRefused, v.Usage.Releases, v.Usage.Expiries, v.Usage.Confirmations))
            .ToList());
    }

    private static async Task<Results<Created<SeedDataResponse>, ProblemResult>> SeedAsync(
        SeedDataRequest request, GrainReferences grains, IOptions<ReservationOptions> options, ILoggerFactory loggers)
    {
        if (Check.Id(request.EntityId, "entityId") is { } invalid)
        {
            return invalid;
        }

        if (SeedSeats.TryRead(request, out var specs) is { } badSeats)
        {
            return badSeats;
        }

        if (SeedSeats.TryReadFocalPoint(request.FocalPoint, out var focal) is { } badFocalPoint)
        {
            return badFocalPoint;
        }

        if (!await AppExistsAsync(grains, request.AppId))
        {
            return AppNotFound();
        }

        var result = await grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped(request.AppId!, request.EntityId!)).TryAddSeatsAsync(specs);
        if (result.Outcome == SeedOutcome.TooManyEntities)
        {
            return ApiProblem.Of(
                StatusCodes.Status409Conflict,
                "too_many_entities",
                $"This app already has {options.Value.MaxEntitiesPerApp} entities, the most an app may have; seed one of them instead.");
        }

        if (focal is not null)
        {
            await grains.GetGrain<IBestSeatsGrain>(GrainKeys.Scoped(request.AppId!, request.EntityId!)).SetFocalPointAsync(focal);
        }

        ApiLog.SeatsSeeded(loggers.CreateLogger(LogCategory), result.Seats.Length, request.AppId!, request.EntityId!);
        return TypedResults.Created(
            (string?)null,
            new SeedDataResponse(request.AppId!, request.EntityId!, result.Seats.Select(s => new SeededSeat(s.SeatId, s.SeatNumber, s.Price, s.Category)).ToList()));
    }

    /// <summary>Whether <paramref name="appId"/> names an app; an id of the wrong shape names none and reaches no grain.</summary>
    internal static async Task<bool> AppExistsAsync(GrainReferences grains, string? appId) =>
        ApiKeyAuthenticationHandler.IsAppIdShaped(appId) && await grains.GetGrain<ITenantGrain>(appId!).GetAsync() is not null;

    private static async Task<TenantView[]> ListTenantsAsync(GrainReferences grains)
    {
        var ids = await grains.GetGrain<ITenantRegistryGrain>(ITenantRegistryGrain.Key).ListAsync();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITenantGrain>(id).GetAsync()));
        return views.OfType<TenantView>().ToArray();
    }

    private static ProblemResult? ParseOrigins(IReadOnlyList<string?>? values, out ImmutableArray<string> origins)
    {
        origins = [];
        values ??= [];
        if (values.Count > MaxAllowedDomains)
        {
            return ApiProblem.Validation($"allowedDomains holds at most {MaxAllowedDomains} entries.");
        }

        var builder = ImmutableArray.CreateBuilder<string>(values.Count);
        foreach (var value in values)
        {
            var trimmed = value?.Trim().TrimEnd('/');
            if (Check.Text(trimmed, "allowedDomains entry", 253) is not null || trimmed!.Any(char.IsWhiteSpace) || !IsOriginOrHost(trimmed!))
            {
                return ApiProblem.Validation("every allowedDomains entry must be an origin (https://shop.example) or a host name (shop.example).");
            }

            builder.Add(trimmed!);
        }

        origins = builder.ToImmutable();
        return null;
    }

    private static bool IsOriginOrHost(string value) =>
        value.Contains("://", StringComparison.Ordinal)
            ? Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query)
            : Uri.CheckHostName(value.Split(':')[0]) != UriHostNameType.Unknown;

    /// <summary>All four limits or none; each within bounds that keep a hold from outliving a show's sale by hours.</summary>
    private static ProblemResult? ParseHoldLimits(HoldLimitsJson? json, TimeSpan holdDuration, out HoldLimits? limits)
    {
        limits = null;
        if (json is null)
        {
            return null;
        }

        if (json is not { MaxExtensions: { } count, ExtensionSeconds: { } extension, MaxTotalSeconds: { } total, PaymentGraceSeconds: { } grace })
        {
            return ApiProblem.Validation("holdLimits needs maxExtensions, extensionSeconds, maxTotalSeconds and paymentGraceSeconds.");
        }

        var minimumTotal = (int)Math.Ceiling(holdDuration.TotalSeconds);
        if (count is < 0 or > MaxHoldExtensions || extension is < 10 or > MaxHoldSeconds || total < minimumTotal || total > MaxHoldSeconds || grace is < 10 or > MaxHoldSeconds)
        {
            return ApiProblem.Validation(
                $"holdLimits: maxExtensions 0 to {MaxHoldExtensions}; extensionSeconds and paymentGraceSeconds 10 to {MaxHoldSeconds}; "
                + $"maxTotalSeconds from the hold's own {minimumTotal} to {MaxHoldSeconds}.");
        }

        limits = new HoldLimits(count, TimeSpan.FromSeconds(extension), TimeSpan.FromSeconds(total), TimeSpan.FromSeconds(grace));
        return null;
    }

    internal static ProblemResult AppNotFound() => ApiProblem.NotFound("app_not_found", "No such app.");

    private static string NewAppId()
    {
        var chars = RandomNumberGenerator.GetItems<char>(AppIdAlphabet, 12);
        return $"APP-{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }
}
