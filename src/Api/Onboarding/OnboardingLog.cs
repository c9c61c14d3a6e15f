namespace Reservations.Api.Onboarding;

internal static partial class OnboardingLog
{
    [LoggerMessage(3001, LogLevel.Information, "Booking request {BookingId} received; its onboarding link expires at {ExpiresAt}")]
    public static partial void BookingRequested(ILogger logger, long bookingId, DateTimeOffset expiresAt);

    [LoggerMessage(3002, LogLevel.Information, "Booking request {BookingId} activated app {AppId}")]
    public static partial void Activated(ILogger logger, long bookingId, string appId);

    [LoggerMessage(3003, LogLevel.Information, "Booking request {BookingId}: a new onboarding link was issued; the previous one is dead")]
    public static partial void LinkReissued(ILogger logger, long bookingId);

    [LoggerMessage(3004, LogLevel.Information, "Form post refused: honeypot field filled on {Path}")]
    public static partial void HoneypotFilled(ILogger logger, string path);
}
