namespace Reservations.Api.Contracts;

public sealed record SignupRequest(string? Email, string? Password, string? Name);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record SignupResponse(string UserId, string Token, DateTimeOffset ExpiresAt);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

public sealed record ChangePasswordRequest(string? Email, string? CurrentPassword, string? NewPassword);
