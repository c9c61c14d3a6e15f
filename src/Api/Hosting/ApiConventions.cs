using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Idempotency;
using Reservations.Api.Limits;
using Reservations.Api.Security;

namespace Reservations.Api.Hosting;

public static class ApiConventions
{
    /// <summary>Problem details, JSON, OpenAPI, tokens and tenant authentication.</summary>
    public static WebApplicationBuilder AddApiConventions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(ApiProblem.ErrorMember, ApiProblem.DefaultErrorFor(status));
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Bad bodies throw, so the one exception handler answers them with problem+json.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddOpenApi(options =>
        {
            options.AddApiSecurity().AddIdempotencyKeyHeader().AddContractDetails();
            options.AddOperationTransformer<ResponseDocsTransformer>();
            options.AddSchemaTransformer<ResponseDocsTransformer>();
        });

        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenService>();
        services.AddSingleton<GrainReferences>();
        services.AddSingleton<TenantAuthCache>();
        services.AddApiAuthentication();
        services.AddIdempotency();
        services.TryAddKeyedSingleton(TenantAuthCache.ClockKey, TimeProvider.System);
        services.AddPasswordHashingLimiter();
        services.AddAbuseLimits();
        return builder;
    }

    /// <summary>The middleware, in the order it must run: errors, CORS preflight, routing, body limits, authentication, limits.</summary>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTenantCorsPreflight();
        app.UseRouting();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseIdempotency();
        app.MapOpenApi();
        // Only requests for the page pass through its middleware.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/docs"), docs => docs.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint("/openapi/v1.json", "Reservations API v1");
        }));
        return app;
    }
}
