using System.Globalization;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Security;
using Reservations.Grains.Tenants;
using Reservations.Grains.Users;

namespace Reservations.Api.Limits;

/// <summary>
/// The app's rate limit on an action, per client address and per account (the email of a signup or
/// login, the user of a hold), checked once the request's arguments are bound; refusal is 429
/// problem+json with Retry-After.
/// </summary>
internal sealed class AbuseLimitFilter(LimitedAction action, AbuseRateLimiter limiter, AppLimits limits) : IEndpointFilter
{
    /// <summary>Awaits nothing of its own when the app's limits are cached, as they almost always are: the hot path.</summary>
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var appLimits = limits.ForAsync(context.HttpContext.AppId());
        if (!appLimits.IsCompletedSuccessfully)
        {
            return InvokeAfterAsync(appLimits, context, next);
        }

        return Refusal(context, appLimits.Result) is { } refusal ? ValueTask.FromResult<object?>(refusal) : next(context);
    }

    private async ValueTask<object?> InvokeAfterAsync(ValueTask<AbuseLimits> appLimits, EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refusal(context, await appLimits) ?? await next(context);

    private ProblemResult? Refusal(EndpointFilterInvocationContext context, AbuseLimits appLimits)
    {
        var http = context.HttpContext;
        var account = action == LimitedAction.Hold ? http.UserId() : EmailOf(context.Arguments);
        if (limiter.TryAcquire(action, http.AppId(), http.Connection.RemoteIpAddress, account, appLimits) is not { } retryAfter)
        {
            return null;
        }

        http.Response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ApiProblem.Of(StatusCodes.Status429TooManyRequests, "too_many_requests", $"Too many {Plural(action)} from this address or for this account; wait a while and try again.");
    }

    private static string? EmailOf(IList<object?> arguments)
    {
        foreach (var argument in arguments)
        {
            var email = argument switch
            {
                SignupRequest signup => signup.Email,
                LoginRequest login => login.Email,
                _ => null,
            };
            if (email is not null)
            {
                return EmailAddress.Normalize(email);
            }
        }

        return null;
    }

    private static string Plural(LimitedAction action) => action switch
    {
        LimitedAction.Signup => "signups",
        LimitedAction.Login => "logins",
        _ => "holds",
    };
}

internal static class AbuseLimitExtensions
{
    public static IServiceCollection AddAbuseLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AbuseRateLimiter>();
        services.AddSingleton<AppLimits>();
        return services;
    }

    /// <summary>Puts the endpoint under the app's rate limit on <paramref name="action"/>.</summary>
    public static TBuilder RequireAbuseLimit<TBuilder>(this TBuilder builder, LimitedAction action) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices;
            var filter = new AbuseLimitFilter(action, services.GetRequiredService<AbuseRateLimiter>(), services.GetRequiredService<AppLimits>());
            return context => filter.InvokeAsync(context, next);
        });
}
