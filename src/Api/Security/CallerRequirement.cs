using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Reservations.Api.Errors;

namespace Reservations.Api.Security;

/// <summary>What an authenticated caller must be for a policy: the answer when it is not, or null when it is.</summary>
internal sealed class CallerRequirement(Func<ClaimsPrincipal, ProblemResult?> refusalFor) : IAuthorizationRequirement
{
    public CallerRequirement(Func<ClaimsPrincipal, bool> allows, ProblemResult refusal)
        : this(user => allows(user) ? null : refusal)
    {
    }

    public ProblemResult? RefusalFor(ClaimsPrincipal user) => refusalFor(user);
}

internal sealed class CallerRequirementHandler : AuthorizationHandler<CallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequirement requirement)
    {
        if (requirement.RefusalFor(context.User) is null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
