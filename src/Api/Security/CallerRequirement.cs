using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Reservations.Api.Errors;

namespace Reservations.Api.Security;

/// <summary>What an authenticated caller must be for a policy, and the answer when it is not.</summary>
internal sealed class CallerRequirement(Func<ClaimsPrincipal, bool> allows, ProblemResult refusal) : IAuthorizationRequirement
{
    public ProblemResult Refusal { get; } = refusal;

    public bool Allows(ClaimsPrincipal user) => allows(user);
}

internal sealed class CallerRequirementHandler : AuthorizationHandler<CallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequirement requirement)
    {
        if (requirement.Allows(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
