using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Limits;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Sessions;
using Reservations.Grains.Users;

namespace Reservations.Api.Endpoints;

internal static class AuthEndpoints
{
    private const string WrongCredentials = "Wrong email or password.";
    private const string TooMany = "too_many_requests: too many signups, logins or holds from this address or for this account (the app's limits); wait Retry-After seconds.";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Users").RequireTenant().RequirePasswordHashingLimit();
        group.MapPost("/signup", SignUpAsync).WithName("signUp").WithSummary("Sign a user up: answers the user's token").RequireAbuseLimit(LimitedAction.Signup)
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, TooMany);
        group.MapPost("/login", LogInAsync).WithName("logIn").WithSummary("Log a user in: answers a token").RequireAbuseLimit(LimitedAction.Login)
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, $"{TooMany}; {LoginRefusal.LockedDoc}");

        var sessions = app.MapGroup("/auth").WithTags("Users").RequireTenantUser();
        sessions.MapPost("/change-password", ChangePasswordAsync).WithName("changePassword").WithSummary("Change the password; every other token of the user dies").RequirePasswordHashingLimit().RequireAbuseLimit(LimitedAction.Login)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "validation_failed: email, currentPassword or newPassword (8 to 128 characters) missing or malformed.")
            .ProducesUserProblems()
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, $"{TooMany}; {LoginRefusal.LockedDoc}");
        sessions.MapPost("/logout-all", LogOutAllAsync).WithName("logOutAll").WithSummary("Revoke every token of the user").ProducesUserProblems();
        return app;
    }

    private static async Task<Results<Created<SignupResponse>, ProblemResult>> SignUpAsync(
        SignupRequest request, HttpContext http, GrainReferences grains, TokenService tokens)
    {
        if ((Check.Email(request.Email) ?? Check.Text(request.Password, "password", 128, minLength: 8) ?? Check.Text(request.Name, "name", 100)) is { } invalid)
        {
            return invalid;
        }

        var appId = http.AppId();
        var email = EmailAddress.Normalize(request.Email!);
        var user = await grains.GetGrain<IUserGrain>(GrainKeys.Scoped(appId, email)).SignUpAsync(email, request.Password!, request.Name!.Trim());
        if (user is null)
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "email_taken", "An account with this email exists in this app.");
        }

        // A new user id has never been revoked: version 0, no need to ask.
        var (token, expiresAt) = tokens.IssueUser(user.UserId, appId);
        return TypedResults.Created((string?)null, new SignupResponse(user.UserId, token, expiresAt));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemResult>> LogInAsync(
        LoginRequest request, HttpContext http, GrainReferences grains, TokenService tokens, SessionVersions sessions)
    {
        if ((Check.Text(request.Email, "email", 254) ?? Check.Text(request.Password, "password", 128)) is { } invalid)
        {
            return invalid;
        }

        var appId = http.AppId();
        var result = await grains.GetGrain<IUserGrain>(GrainKeys.Scoped(appId, EmailAddress.Normalize(request.Email!))).LogInAsync(request.Password!);
        if (result.User is not { } user)
        {
            return LoginRefusal.For(http, result, WrongCredentials);
        }

        var version = await sessions.GetAsync(SessionKeys.User(appId, user.UserId));
        var (token, expiresAt) = tokens.IssueUser(user.UserId, appId, version);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    /// <summary>Replaces the password and revokes every earlier token of the account; answers a new token.</summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, GrainReferences grains, TokenService tokens, SessionVersions sessions)
    {
        if ((Check.Email(request.Email) ?? Check.Text(request.CurrentPassword, "currentPassword", 128)
            ?? Check.Text(request.NewPassword, "newPassword", 128, minLength: 8)) is { } invalid)
        {
            return invalid;
        }

        var (appId, userId) = (http.AppId(), http.UserId());
        var result = await grains.GetGrain<IUserGrain>(GrainKeys.Scoped(appId, EmailAddress.Normalize(request.Email!)))
            .ChangePasswordAsync(userId, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            return LoginRefusal.For(http, result, WrongCredentials);
        }

        var version = await sessions.RevokeAllAsync(SessionKeys.User(appId, userId));
        var (token, expiresAt) = tokens.IssueUser(userId, appId, version);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static async Task<NoContent> LogOutAllAsync(HttpContext http, SessionVersions sessions)
    {
        await sessions.RevokeAllAsync(SessionKeys.User(http.AppId(), http.UserId()));
        return TypedResults.NoContent();
    }
}
