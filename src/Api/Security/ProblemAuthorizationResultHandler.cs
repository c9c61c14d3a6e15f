using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Reservations.Api.Errors;

namespace Reservations.Api.Security;

/// <summary>
/// Answers a refused request with one problem: the first of the policy's schemes, in order, that did
/// not authenticate writes its own (app key before bearer token, so a caller without a valid app key
/// learns nothing about tokens); when all did, the failed requirement's.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private static readonly ProblemResult Forbidden = ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "You may not do that.");

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Succeeded ? next(context) : RefuseAsync(context, policy, authorizeResult);

    private static async Task RefuseAsync(HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        foreach (var scheme in policy.AuthenticationSchemes)
        {
            // Each handler keeps its result for the request: this authenticates nothing twice.
            if (!(await context.AuthenticateAsync(scheme)).Succeeded)
            {
                await context.ChallengeAsync(scheme);
                return;
            }
        }

        var refusal = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<CallerRequirement>()
            .Select(requirement => requirement.RefusalFor(context.User)).FirstOrDefault(r => r is not null) ?? Forbidden;
        await refusal.ExecuteAsync(context);
    }
}
