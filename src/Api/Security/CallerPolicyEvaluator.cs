using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Reservations.Api.Security;

/// <summary>
/// Evaluates the API's own policies (<see cref="ApiAuthentication"/>: schemes plus <see cref="CallerRequirement"/>s)
/// without the framework's per-request copies; any other policy goes to the framework's <see cref="PolicyEvaluator"/>.
/// The framework's evaluator authenticates each scheme through the authentication service (a new ticket,
/// result and claims-transformation set per scheme), merges the identities into a new principal, and runs
/// the authorization service's handler pipeline: a third of what a hot-seat request allocated
/// (docs/performance.md). Here each scheme's handler is asked directly (ours answer cached results), two
/// schemes' principals are merged once per pair and reused, and the requirements are plain checks.
/// The principal a request gets may therefore be shared with other requests: nothing may change it (no
/// claims transformation is registered, and none would run for these policies).
/// </summary>
internal sealed class CallerPolicyEvaluator : IPolicyEvaluator
{
    private const int MaxMerged = 50_000;

    private static readonly ConcurrentDictionary<(ClaimsPrincipal, ClaimsPrincipal), Task<AuthenticateResult>> Merged = new();
    private static readonly Task<AuthenticateResult> NoResult = Task.FromResult(AuthenticateResult.NoResult());
    private static readonly Task<PolicyAuthorizationResult> Success = Task.FromResult(PolicyAuthorizationResult.Success());
    private static readonly Task<PolicyAuthorizationResult> Challenge = Task.FromResult(PolicyAuthorizationResult.Challenge());
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context) =>
        IsCallerPolicy(policy) ? AuthenticateSchemesAsync(policy.AuthenticationSchemes, context) : Framework(context).AuthenticateAsync(policy, context);

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource)
    {
        if (!IsCallerPolicy(policy))
        {
            return Framework(context).AuthorizeAsync(policy, authenticationResult, context, resource);
        }

        if (!authenticationResult.Succeeded)
        {
            return Challenge;
        }

        var requirements = policy.Requirements;
        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i] is CallerRequirement caller && caller.RefusalFor(context.User) is not null)
            {
                return Task.FromResult(PolicyAuthorizationResult.Forbid(AuthorizationFailure.Failed([caller])));
            }
        }

        return Success;
    }

    private static PolicyEvaluator Framework(HttpContext context) => context.RequestServices.GetRequiredService<PolicyEvaluator>();

    /// <summary>Ours: one or more schemes, and requirements that are caller checks or an authenticated user.</summary>
    private static bool IsCallerPolicy(AuthorizationPolicy policy)
    {
        if (policy.AuthenticationSchemes.Count is 0 or > 2)
        {
            return false;
        }

        var requirements = policy.Requirements;
        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i] is not (CallerRequirement or DenyAnonymousAuthorizationRequirement))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<AuthenticateResult> AuthenticateSchemesAsync(IReadOnlyList<string> schemes, HttpContext context)
    {
        var first = await AuthenticateAsync(schemes[0], context);
        var second = schemes.Count > 1 ? await AuthenticateAsync(schemes[1], context) : null;
        var result = (first.Succeeded, second?.Succeeded ?? false) switch
        {
            (true, true) => await MergedResult(first.Principal!, second!.Principal!, schemes),
            (true, false) => first,
            (false, true) => second!,
            _ => await NoResult,
        };

        // As the framework's evaluator does: the user is what the policy's schemes authenticated, or anonymous.
        context.User = result.Principal ?? Anonymous;
        return result;
    }

    /// <summary>The scheme's handler for this request, kept by the request's handler provider, so a challenge asks the same one.</summary>
    private static async Task<AuthenticateResult> AuthenticateAsync(string scheme, HttpContext context) =>
        await context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>().GetHandlerAsync(context, scheme) is { } handler ? await handler.AuthenticateAsync() : AuthenticateResult.NoResult();

    private static Task<AuthenticateResult> MergedResult(ClaimsPrincipal first, ClaimsPrincipal second, IReadOnlyList<string> schemes)
    {
        if (Merged.TryGetValue((first, second), out var merged))
        {
            return merged;
        }

        if (Merged.Count >= MaxMerged)
        {
            Merged.Clear();
        }

        var principal = new ClaimsPrincipal(first.Identities.Concat(second.Identities));
        return Merged.GetOrAdd((first, second), Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, string.Join(";", schemes)))));
    }
}
