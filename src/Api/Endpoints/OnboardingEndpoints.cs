using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Mail;
using Reservations.Api.Onboarding;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Mail;
using Reservations.Grains.Onboarding;

namespace Reservations.Api.Endpoints;

/// <summary>
/// Tenant onboarding: a booking request gets a one-time link (its token stored only as SHA-256), the
/// wizard behind it saves its steps against the link, and completion makes the app. The admin sees
/// the requests and can send a new link.
/// </summary>
internal static class OnboardingEndpoints
{
    private const int TokenBytes = 32;
    private const string LogCategory = "Reservations.Api.Onboarding";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api").WithTags("Onboarding");
        site.MapPost("/bookings", RequestAsync).WithName("requestBooking").WithSummary("Request onboarding: answers a one-time link to the wizard (also e-mailed)").RequireRateLimiting(PublicFormLimits.FormsPolicy).WithBodyLimit(PublicForms.MaxBodyBytes)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var wizard = site.MapGroup("/onboarding").RequireRateLimiting(PublicFormLimits.WizardPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        wizard.MapGet("/prefill", PrefillAsync).WithName("getOnboardingPrefill").WithSummary("The onboarding request and the wizard's saved progress");
        wizard.MapPut("/steps/{step:int}", SaveStepAsync).WithName("saveOnboardingStep").WithSummary("Save the answers of one wizard step");
        wizard.MapPost("/complete", CompleteAsync).WithName("completeOnboarding").WithSummary("Finish onboarding: creates the app, its key shown once").ProducesProblem(StatusCodes.Status409Conflict);

        var admin = app.MapGroup("/admin").WithTags("Admin: onboarding").RequireAdmin();
        admin.MapGet("/onboarding/requests", ListRequestsAsync).WithName("listBookingRequests").WithSummary("Onboarding requests and their progress");
        admin.MapPost("/onboarding/requests/{bookingId:long}/resend", ResendAsync).WithName("resendOnboardingLink").WithSummary("Send a new onboarding link (the old one dies)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/outbox", ListOutboxAsync).WithName("listOutbox").WithSummary("The mail outbox");
        return app;
    }

    private static async Task<Results<Created<BookingCreatedResponse>, ProblemResult>> RequestAsync(
        BookingRequestBody request, HttpContext context, GrainReferences grains, MailOutbox mail, IOptions<OnboardingOptions> options,
        TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (PublicForms.Screen(context, request.Website, request.Email!, logger) is { } refused)
        {
            return refused;
        }

        var data = new BookingRequestData(
            request.Name!.Trim(), request.Email!.Trim(), request.Phone!.Trim(), request.EventType!.Trim(), request.EventDate!.Trim(),
            request.Message?.Trim() ?? "", time.GetUtcNow());
        var bookingId = await grains.GetGrain<IBookingRequestListGrain>(IBookingRequestListGrain.Key).RegisterAsync();
        var token = Secrets.NewToken(TokenBytes);
        var expiresAt = await grains.GetGrain<IBookingRequestGrain>(bookingId).CreateAsync(data, OnboardingLinks.HashOf(token))
            ?? throw new InvalidOperationException($"Booking request {bookingId} exists already.");
        var url = LinkFor(context, options.Value, token);
        await mail.QueueAsync(LinkMail(data.Name, data.Email, url, expiresAt));
        OnboardingLog.BookingRequested(logger, bookingId, expiresAt);
        return TypedResults.Created((string?)null, new BookingCreatedResponse(true, bookingId, url));
    }

    private static async Task<Results<Ok<PrefillResponse>, ProblemResult>> PrefillAsync(string? token, GrainReferences grains)
    {
        var (problem, _, session) = await OpenAsync(token, grains);
        if (problem is not null)
        {
            return problem;
        }

        var request = session!.Request!;
        var answers = session.Answers.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => Parse(a.Value));
        return TypedResults.Ok(new PrefillResponse(
            session.BookingId, request.Name, request.Email, request.Phone, request.EventType, request.EventDate, request.Message,
            session.ExpiresAt, session.CurrentStep, answers));
    }

    private static async Task<Results<Ok<StepResponse>, ProblemResult>> SaveStepAsync(int step, StepRequest request, GrainReferences grains)
    {
        if (step is < 1 or > WizardSteps.LastSavedStep)
        {
            return ApiProblem.Validation($"step must be between 1 and {WizardSteps.LastSavedStep}; step 10 is POST /api/onboarding/complete.");
        }

        if (request.Answers is not { } answers)
        {
            return ApiProblem.Validation($"Step {step}: answers is required.");
        }

        var (problem, booking, session) = await OpenAsync(request.Token, grains);
        if (problem is not null)
        {
            return problem;
        }

        if (WizardSteps.Validate(step, answers, session!.Answers, out var stored) is { } invalid)
        {
            return invalid;
        }

        var saved = await booking!.SaveStepAsync(OnboardingLinks.HashOf(request.Token!), step, stored);
        return saved.Check != LinkCheck.Valid
            ? OnboardingLinkProblems.For(saved.Check)
            : TypedResults.Ok(new StepResponse(step, saved.CurrentStep, Parse(stored)));
    }

    private static async Task<Results<Ok<CompleteResponse>, ProblemResult>> CompleteAsync(
        CompleteRequest request, GrainReferences grains, TenantAuthCache cache, ILoggerFactory loggers)
    {
        var (problem, booking, session) = await OpenAsync(request.Token, grains, acceptUsed: true);
        if (problem is not null)
        {
            return problem;
        }

        if (session!.Check == LinkCheck.Used)
        {
            return TypedResults.Ok(Repeated(session.AppId!));
        }

        if (WizardSteps.Missing(session.Answers).ToList() is { Count: > 0 } missing)
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "steps_incomplete", $"Complete step{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} first.");
        }

        var plan = ActivationPlanner.Plan(session.Answers);
        var result = await booking!.ActivateAsync(OnboardingLinks.HashOf(request.Token!), plan);
        switch (result.Check)
        {
            case LinkCheck.Valid:
                cache.Invalidate(result.AppId!);
                OnboardingLog.Activated(loggers.CreateLogger(LogCategory), session.BookingId, result.AppId!);
                return TypedResults.Ok(new CompleteResponse(true, result.AppId!, result.ApiKey, plan.OrganiserEmail, result.OrganiserPassword, WizardSteps.TestEntityId, false));
            case LinkCheck.Used:
                return TypedResults.Ok(Repeated(result.AppId!));
            default:
                return OnboardingLinkProblems.For(result.Check);
        }
    }

    private static async Task<Results<Ok<BookingRequestPage>, ProblemResult>> ListRequestsAsync(int? limit, long? before, GrainReferences grains)
    {
        if (limit is < 1 or > 200)
        {
            return ApiProblem.Validation("limit must be between 1 and 200.");
        }

        var size = limit ?? 50;
        var ids = await grains.GetGrain<IBookingRequestListGrain>(IBookingRequestListGrain.Key).ListAsync(size, before);
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IBookingRequestGrain>(id).GetAsync()));
        var items = views.OfType<BookingRequestView>().Select(ToResponse).ToList();
        return TypedResults.Ok(new BookingRequestPage(items, ids.Length == size ? ids[^1] : null));
    }

    private static async Task<Results<Ok<ResendResponse>, ProblemResult>> ResendAsync(
        long bookingId, HttpContext context, GrainReferences grains, MailOutbox mail, IOptions<OnboardingOptions> options, ILoggerFactory loggers)
    {
        var booking = grains.GetGrain<IBookingRequestGrain>(bookingId);
        var current = await booking.GetAsync();
        if (current is null)
        {
            return ApiProblem.NotFound("booking_not_found", "No booking request has this id.");
        }

        var token = Secrets.NewToken(TokenBytes);
        if (current.AppId is not null || await booking.ReissueLinkAsync(OnboardingLinks.HashOf(token)) is not { } view)
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "already_activated", $"This request made app {current.AppId} already; it needs no new link.");
        }

        var url = LinkFor(context, options.Value, token);
        await mail.QueueAsync(LinkMail(view.Request.Name, view.Request.Email, url, view.LinkExpiresAt));
        OnboardingLog.LinkReissued(loggers.CreateLogger(LogCategory), bookingId);
        return TypedResults.Ok(new ResendResponse(bookingId, url, view.LinkExpiresAt));
    }

    private static async Task<Results<Ok<OutboxResponse>, ProblemResult>> ListOutboxAsync(int? limit, GrainReferences grains, IOptions<MailOptions> options)
    {
        if (limit is < 1 or > 200)
        {
            return ApiProblem.Validation("limit must be between 1 and 200.");
        }

        var messages = await grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key).ListAsync(limit ?? 50);
        return TypedResults.Ok(new OutboxResponse(
            options.Value.SmtpConfigured,
            messages.Select(m => new OutboxMessageResponse(m.Id, m.To, m.Subject, m.Body, m.Status.ToString(), m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastError)).ToList()));
    }

    /// <summary>The link's session; a problem when the token is missing, unknown, or (unless <paramref name="acceptUsed"/>) not valid.</summary>
    private static async Task<(ProblemResult? Problem, IBookingRequestGrain? Booking, OnboardingSession? Session)> OpenAsync(
        string? token, GrainReferences grains, bool acceptUsed = false)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (OnboardingLinkProblems.TokenRequired, null, null);
        }

        if (!OnboardingLinkProblems.IsTokenShaped(token))
        {
            return (OnboardingLinkProblems.NotFound, null, null);
        }

        var hash = OnboardingLinks.HashOf(token);
        var lookup = await grains.GetGrain<IOnboardingTokenGrain>(hash).ResolveAsync();
        if (lookup.Check == LinkCheck.Unknown)
        {
            return (OnboardingLinkProblems.NotFound, null, null);
        }

        // The request decides the rest (used beats expired: an activated request's link says so).
        var booking = grains.GetGrain<IBookingRequestGrain>(lookup.BookingId);
        var session = await booking.OpenAsync(hash);
        return session.Check == LinkCheck.Valid || (acceptUsed && session.Check == LinkCheck.Used)
            ? (null, booking, session)
            : (OnboardingLinkProblems.For(session.Check), null, null);
    }

    private static ProblemResult? Validate(BookingRequestBody request)
    {
        if ((Check.Text(request.Name, "name", 100) ?? Check.Email(request.Email) ?? Check.Text(request.EventType, "eventType", 50)) is { } invalid)
        {
            return invalid;
        }

        if (request.Phone is null || request.Phone.Trim().Length is < 6 or > 30 || !request.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
        {
            return ApiProblem.Validation("phone must be 6 to 30 digits, spaces and + - ( ).");
        }

        if (!DateOnly.TryParseExact(request.EventDate?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            return ApiProblem.Validation("eventDate must be a date like 2026-06-30.");
        }

        var message = request.Message?.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);
        return string.IsNullOrEmpty(message) ? null
            : message.Length > 2000 ? ApiProblem.Validation("message must be at most 2000 characters.")
            : message.Any(char.IsControl) ? ApiProblem.Validation("message must not contain control characters.")
            : null;
    }

    private static string LinkFor(HttpContext context, OnboardingOptions options, string token)
    {
        var origin = options.PublicBaseUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}";
        return $"{origin}/onboarding?token={token}";
    }

    private static MailDraft LinkMail(string name, string email, string url, DateTimeOffset expiresAt) => new(
        email,
        "Set up your reservations app",
        $"""
        Hello {name},

        Thank you for your booking request. Set up your app here; the link works once and is valid
        until {expiresAt:yyyy-MM-dd HH:mm} UTC:

        {url}

        Your progress is kept while the link is valid, so you can close the page and come back.
        """,
        expiresAt);

    private static CompleteResponse Repeated(string appId) => new(true, appId, null, null, null, WizardSteps.TestEntityId, true);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static BookingRequestResponse ToResponse(BookingRequestView view) => new(
        view.BookingId, view.Request.Name, view.Request.Email, view.Request.Phone, view.Request.EventType, view.Request.EventDate,
        view.Request.Message, view.Request.ReceivedAt, view.Status.ToString(), view.CurrentStep, view.LinksSent, view.LinkExpiresAt,
        view.AppId, view.ActivatedAt);
}
