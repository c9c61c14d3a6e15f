using Reservations.Grains.Tenants;

namespace Reservations.Api;

/// <summary>The API's log events. Never pass a secret (key, password, token) to any of them.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(1, LogLevel.Information, "Admin account {Username}: password set from configuration")]
    public static partial void AdminPasswordFromConfiguration(ILogger logger, string username);

    [LoggerMessage(2, LogLevel.Information, "Created a JWT signing key file at {Path}")]
    public static partial void SigningKeyCreated(ILogger logger, string path);

    [LoggerMessage(3, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(4, LogLevel.Information, "App {AppId} created ({Name})")]
    public static partial void AppCreated(ILogger logger, string appId, string name);

    [LoggerMessage(5, LogLevel.Information, "App {AppId} key rotated")]
    public static partial void AppKeyRotated(ILogger logger, string appId);

    [LoggerMessage(31, LogLevel.Information, "App {AppId}: new {Credential} issued")]
    public static partial void AppCredentialRotated(ILogger logger, string appId, AppCredential credential);

    [LoggerMessage(6, LogLevel.Warning, "Refused admin login for {Username}")]
    public static partial void AdminLoginRefused(ILogger logger, string username);

    [LoggerMessage(7, LogLevel.Information, "Seeded {AppId}/{EntityId}: {Count} seats requested, new ones added, known ones kept")]
    public static partial void SeatsSeeded(ILogger logger, int count, string appId, string entityId);

    [LoggerMessage(8, LogLevel.Warning, "The engine could not answer {Method} {Path} just now (503)")]
    public static partial void EngineBusy(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(9, LogLevel.Warning, "Readiness: no silo answered the probe grain")]
    public static partial void ReadinessProbeFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Seat map of {AppId}/{EntityId}: could not register with its catalog pages again; retrying next period")]
    public static partial void SeatMapRenewalFailed(ILogger logger, Exception exception, string appId, string entityId);

    [LoggerMessage(11, LogLevel.Information, "Seat map of {AppId}/{EntityId}: could not tell its catalog pages to stop; they drop it at their expiry")]
    public static partial void SeatMapUnwatchFailed(ILogger logger, Exception exception, string appId, string entityId);

    [LoggerMessage(30, LogLevel.Warning, "The answer to an idempotent {Method} {Path} was sent but could not be kept; a repeat with its key runs again")]
    public static partial void IdempotentAnswerNotKept(ILogger logger, Exception exception, string method, string path);
}
