using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Users;

namespace Reservations.Api.Endpoints;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Users").RequireTenant().RequirePasswordHashingLimit();
        group.MapPost("/signup", SignUpAsync);
        group.MapPost("/login", LogInAsync);
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

        var (token, expiresAt) = tokens.IssueUser(user.UserId, appId);
        return TypedResults.Created((string?)null, new SignupResponse(user.UserId, token, expiresAt));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemResult>> LogInAsync(
        LoginRequest request, HttpContext http, GrainReferences grains, TokenService tokens)
    {
        if ((Check.Text(request.Email, "email", 254) ?? Check.Text(request.Password, "password", 128)) is { } invalid)
        {
            return invalid;
        }

        var appId = http.AppId();
        var user = await grains.GetGrain<IUserGrain>(GrainKeys.Scoped(appId, EmailAddress.Normalize(request.Email!))).LogInAsync(request.Password!);
        if (user is null)
        {
            return ApiProblem.Of(StatusCodes.Status401Unauthorized, "invalid_credentials", "Wrong email or password.");
        }

        var (token, expiresAt) = tokens.IssueUser(user.UserId, appId);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }
}
