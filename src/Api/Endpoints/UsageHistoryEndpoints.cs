using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains.Tenants;
using Reservations.Grains.Usage;

namespace Reservations.Api.Endpoints;

/// <summary>An app's usage by the hour, for the admin's charts.</summary>
internal static class UsageHistoryEndpoints
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/admin").WithTags("Admin").RequireAdmin()
            .MapGet("/usage/history", GetAsync).WithName("getUsageHistory").WithSummary("An app's usage over time");
        return app;
    }

    /// <summary>
    /// Every hour that overlaps [from, to); by default the 24 hours that end with the current one.
    /// The meter is flushed first, as for <c>GET /admin/usage</c>, so the answer includes this process's counts.
    /// </summary>
    private static async Task<Results<Ok<UsageHistoryResponse>, ProblemResult>> GetAsync(
        string? appId, DateTimeOffset? from, DateTimeOffset? to, GrainReferences grains, UsageMeter usage, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Check.Text(appId, "appId", 100) is { } missing)
        {
            return missing;
        }

        // Each bound first: the default range added to or taken from one at the calendar's edge would overflow.
        if (from < Earliest || from > Latest || to < Earliest || to > Latest)
        {
            return ApiProblem.Validation("from and to must be between 1970 and 9000.");
        }

        var end = to ?? (from is { } start ? start + DefaultRange : NextHour(time.GetUtcNow()));
        var begin = from ?? end - DefaultRange;
        if (begin < Earliest || end > Latest)
        {
            return ApiProblem.Validation("from and to must be between 1970 and 9000.");
        }

        if (begin >= end)
        {
            return ApiProblem.Validation("from must be before to.");
        }

        if (end - begin > TimeSpan.FromHours(IUsageHistoryGrain.MaxRangeHours))
        {
            return ApiProblem.Validation($"The range may span at most {IUsageHistoryGrain.MaxRangeHours / 24} days.");
        }

        if (!await AdminEndpoints.AppExistsAsync(grains, appId))
        {
            return AdminEndpoints.AppNotFound();
        }

        await usage.FlushAsync(cancellationToken);
        var history = await grains.GetGrain<IUsageHistoryGrain>(appId!).ReadAsync(begin, end);
        return TypedResults.Ok(new UsageHistoryResponse(
            appId!, "hour", history.Points.Select(UsagePointResponse.From).ToList(), UsageTotalsResponse.From(history.Totals)));
    }

    private static DateTimeOffset NextHour(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour) + TimeSpan.TicksPerHour, TimeSpan.Zero);
}
