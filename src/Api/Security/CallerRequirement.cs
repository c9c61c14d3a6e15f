using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Reservations.Api.Errors;

namespace Reservations.Api.Security;

/// <summary>
/// What an authenticated caller must be for a policy: the answer when it is not, or null when it is.
/// <see cref="CallerPolicyEvaluator"/> checks it; the framework's authorization handlers never see it, so a
/// policy it would reach fails closed.
/// </summary>
internal sealed class CallerRequirement(Func<ClaimsPrincipal, ProblemResult?> refusalFor) : IAuthorizationRequirement
{
    public CallerRequirement(Func<ClaimsPrincipal, bool> allows, ProblemResult refusal)
        : this(user => allows(user) ? null : refusal)
    {
    }

    public ProblemResult? RefusalFor(ClaimsPrincipal user) => refusalFor(user);
}
