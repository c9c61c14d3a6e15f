using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Errors;

namespace Reservations.Api.Onboarding;

/// <summary>
/// Per-client-address limits on the public endpoints (fixed windows, kept in each API process's
/// memory), and the refusal they answer with: 429 problem+json with Retry-After.
/// </summary>
internal static class PublicFormLimits
{
    public const string FormsPolicy = "public-forms";
    public const string WizardPolicy = "onboarding-wizard";

    public static IServiceCollection AddPublicFormLimits(this IServiceCollection services)
    {
        services.AddSingleton<EmailRateLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(FormsPolicy, context => ByAddress(context, FormsPolicy, o => o.FormPermitsPerAddress));
            limiter.AddPolicy(WizardPolicy, context => ByAddress(context, WizardPolicy, o => o.WizardPermitsPerAddress));
            var others = limiter.OnRejected;
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                if (policy is not (FormsPolicy or WizardPolicy))
                {
                    return others?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
                }

                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return new ValueTask(TooMany("this address").ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    public static ProblemResult TooMany(string who) =>
        ApiProblem.Of(StatusCodes.Status429TooManyRequests, "too_many_requests", $"Too many requests from {who}; wait a while and try again.");

    private static RateLimitPartition<string> ByAddress(HttpContext context, string policy, Func<OnboardingOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<OnboardingOptions>>().Value;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = options.AddressWindow,
            QueueLimit = 0,
        });
    }
}
