using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Onboarding;
using Reservations.Api.Security;
using Reservations.Grains.Marketing;

namespace Reservations.Api.Endpoints;

/// <summary>The marketing page's endpoints (plans, contact form, reviews) and the admin's side of them.</summary>
internal static class MarketingEndpoints
{
    private const int MaxListed = 200;
    private const int PublicReviews = 50;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api").WithTags("Marketing");
        site.MapGet("/packages", ListPackagesAsync).WithName("listPackages").WithSummary("The plans a new tenant can choose");
        site.MapGet("/reviews", ListApprovedReviewsAsync).WithName("listApprovedReviews").WithSummary("Approved testimonials");
        site.MapPost("/contact", ContactAsync).WithName("sendContact").WithSummary("Send a message to the operators").RequireRateLimiting(PublicFormLimits.FormsPolicy).WithBodyLimit(PublicForms.MaxBodyBytes)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        site.MapPost("/reviews", SubmitReviewAsync).WithName("submitReview").WithSummary("Submit a testimonial (shown once approved)").RequireRateLimiting(PublicFormLimits.FormsPolicy).WithBodyLimit(PublicForms.MaxBodyBytes)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var admin = app.MapGroup("/admin").WithTags("Admin: marketing").RequireAdmin();
        admin.MapPut("/packages/{id}", SavePackageAsync).WithName("savePackage").WithSummary("Create or replace a plan").ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/packages/{id}", RemovePackageAsync).WithName("deletePackage").WithSummary("Remove a plan").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/contacts", ListContactsAsync).WithName("listContacts").WithSummary("Messages sent through the contact form");
        admin.MapGet("/reviews", ListReviewsAsync).WithName("listReviews").WithSummary("Every testimonial, approved or not");
        admin.MapPost("/reviews/{id:long}/approve", ApproveReviewAsync).WithName("approveReview").WithSummary("Approve a testimonial").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/reviews/{id:long}", RemoveReviewAsync).WithName("deleteReview").WithSummary("Remove a testimonial").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PackageBody>>> ListPackagesAsync(GrainReferences grains)
    {
        var plans = await Catalog(grains).ListAsync();
        return TypedResults.Ok<IReadOnlyList<PackageBody>>(plans.Select(ToBody).ToList());
    }

    private static async Task<Ok<IReadOnlyList<ReviewResponse>>> ListApprovedReviewsAsync(GrainReferences grains)
    {
        var reviews = await Reviews(grains).ListAsync(approvedOnly: true, PublicReviews);
        return TypedResults.Ok<IReadOnlyList<ReviewResponse>>(reviews.Select(ToResponse).ToList());
    }

    private static async Task<Results<Created<ContactResponse>, ProblemResult>> ContactAsync(
        ContactRequest request, HttpContext context, GrainReferences grains, ILoggerFactory loggers)
    {
        if ((Check.Text(request.Name, "name", 100) ?? Check.Email(request.Email) ?? Check.Text(request.Message?.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal), "message", 4000)) is { } invalid)
        {
            return invalid;
        }

        if (PublicForms.Screen(context, request.Website, request.Email!, loggers.CreateLogger(typeof(MarketingEndpoints))) is { } refused)
        {
            return refused;
        }

        var stored = await grains.GetGrain<IContactInboxGrain>(IContactInboxGrain.Key).AddAsync(request.Name!.Trim(), request.Email!.Trim(), request.Message!.Trim());
        return TypedResults.Created((string?)null, new ContactResponse(stored.Id, stored.Name, stored.Email, stored.Message, stored.ReceivedAt));
    }

    private static async Task<Results<Created<ReviewResponse>, ProblemResult>> SubmitReviewAsync(
        ReviewRequest request, HttpContext context, GrainReferences grains, ILoggerFactory loggers)
    {
        if ((Check.Text(request.Name, "name", 100) ?? Check.Text(request.Text?.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal), "text", 1000)) is { } invalid)
        {
            return invalid;
        }

        if (request.Rating is not (>= 1 and <= 5))
        {
            return ApiProblem.Validation("rating must be a whole number from 1 to 5.");
        }

        if (!string.IsNullOrEmpty(request.Website))
        {
            OnboardingLog.HoneypotFilled(loggers.CreateLogger(typeof(MarketingEndpoints)), context.Request.Path);
            return PublicForms.HoneypotFilled;
        }

        var review = await Reviews(grains).SubmitAsync(request.Name!.Trim(), request.Rating.Value, request.Text!.Trim());
        return TypedResults.Created((string?)null, ToResponse(review));
    }

    private static async Task<Results<Ok<PackageBody>, ProblemResult>> SavePackageAsync(string id, PackageBody request, GrainReferences grains)
    {
        if ((Check.Id(id, "id", 50) ?? Check.Text(request.Name, "name", 100) ?? Check.Text(request.Description, "description", 500)) is { } invalid)
        {
            return invalid;
        }

        if (request.MonthlyPrice is not { } price || price < 0 || price > 1_000_000m)
        {
            return ApiProblem.Validation("monthlyPrice must be between 0 and 1000000.");
        }

        var currency = request.Currency?.Trim().ToUpperInvariant();
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            return ApiProblem.Validation("currency must be a three-letter code such as EUR.");
        }

        var features = request.Features ?? [];
        if (features.Count > 10 || features.Any(f => Check.Text(f, "feature", 100) is not null))
        {
            return ApiProblem.Validation("features holds at most 10 entries of 1 to 100 characters.");
        }

        var plan = new PackagePlan(id, request.Name!.Trim(), request.Description!.Trim(), price, currency, [.. features.Select(f => f!.Trim())]);
        if (!await Catalog(grains).SaveAsync(plan))
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "too_many_packages", $"The catalog holds at most {IPackageCatalogGrain.MaxPlans} plans; remove one first.");
        }

        return TypedResults.Ok(ToBody(plan));
    }

    private static async Task<Results<NoContent, ProblemResult>> RemovePackageAsync(string id, GrainReferences grains) =>
        Check.Id(id, "id", 50) is null && await Catalog(grains).RemoveAsync(id)
            ? TypedResults.NoContent()
            : ApiProblem.NotFound("package_not_found", "No plan has this id.");

    private static async Task<Results<Ok<IReadOnlyList<ContactResponse>>, ProblemResult>> ListContactsAsync(int? limit, GrainReferences grains)
    {
        if (limit is < 1 or > MaxListed)
        {
            return ApiProblem.Validation($"limit must be between 1 and {MaxListed}.");
        }

        var messages = await grains.GetGrain<IContactInboxGrain>(IContactInboxGrain.Key).ListAsync(limit ?? 50);
        return TypedResults.Ok<IReadOnlyList<ContactResponse>>(messages.Select(m => new ContactResponse(m.Id, m.Name, m.Email, m.Message, m.ReceivedAt)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewResponse>>, ProblemResult>> ListReviewsAsync(int? limit, GrainReferences grains)
    {
        if (limit is < 1 or > MaxListed)
        {
            return ApiProblem.Validation($"limit must be between 1 and {MaxListed}.");
        }

        var reviews = await Reviews(grains).ListAsync(approvedOnly: false, limit ?? 50);
        return TypedResults.Ok<IReadOnlyList<ReviewResponse>>(reviews.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<ReviewResponse>, ProblemResult>> ApproveReviewAsync(long id, GrainReferences grains) =>
        await Reviews(grains).ApproveAsync(id) is { } review ? TypedResults.Ok(ToResponse(review)) : ReviewNotFound();

    private static async Task<Results<NoContent, ProblemResult>> RemoveReviewAsync(long id, GrainReferences grains) =>
        await Reviews(grains).RemoveAsync(id) ? TypedResults.NoContent() : ReviewNotFound();

    private static ProblemResult ReviewNotFound() => ApiProblem.NotFound("review_not_found", "No review has this id.");

    private static IPackageCatalogGrain Catalog(GrainReferences grains) => grains.GetGrain<IPackageCatalogGrain>(IPackageCatalogGrain.Key);

    private static IReviewBoardGrain Reviews(GrainReferences grains) => grains.GetGrain<IReviewBoardGrain>(IReviewBoardGrain.Key);

    private static PackageBody ToBody(PackagePlan plan) => new(plan.Id, plan.Name, plan.Description, plan.MonthlyPrice, plan.Currency, plan.Features.Cast<string?>().ToList());

    private static ReviewResponse ToResponse(Review review) => new(review.Id, review.Author, review.Rating, review.Text, review.SubmittedAt, review.Approved);
}
