using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;

namespace Reservations.Api.Security;

/// <summary>The concurrency limit on endpoints that hash passwords (signup, login, admin login).</summary>
internal static class PasswordHashingLimiter
{
    public const string Policy = "password-hashing";

    public static IServiceCollection AddPasswordHashingLimiter(this IServiceCollection services)
    {
        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<PasswordHashingOptions>>().Value;
                return RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.MaxConcurrent > 0 ? options.MaxConcurrent : Environment.ProcessorCount,
                    QueueLimit = options.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            limiter.OnRejected = (context, _) => new ValueTask(
                ApiProblem.Of(StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many signups and logins at once; try again shortly.")
                    .ExecuteAsync(context.HttpContext));
        });
        return services;
    }

    /// <summary>Puts the endpoints under the limit.</summary>
    public static TBuilder RequirePasswordHashingLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(Policy);
}
