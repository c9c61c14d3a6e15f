namespace Reservations.Grains.Onboarding;

/// <summary>
/// One booking request (key: its id) and its onboarding: the current link's token hash and expiry,
/// the wizard's progress, and the activation that makes the app. Tokens reach it only as their
/// SHA-256 (hex); every call checks the one it is given against the current link.
/// </summary>
[Alias("reservations.booking-request")]
public interface IBookingRequestGrain : IGrainWithIntegerKey
{
    /// <summary>Stores the request with its first link; returns when the link expires, or null if the request exists.</summary>
    Task<DateTimeOffset?> CreateAsync(BookingRequestData request, string tokenHash);

    /// <summary>
    /// Replaces the link (the old one is dead at once) and returns the request, or null if there is no
    /// request or its app exists already.
    /// </summary>
    Task<BookingRequestView?> ReissueLinkAsync(string tokenHash);

    /// <summary>The request and progress, if the link is valid.</summary>
    Task<OnboardingSession> OpenAsync(string tokenHash);

    /// <summary>Stores a step's validated answers and moves the progress to it; refused unless the link is valid.</summary>
    Task<OnboardingSession> SaveStepAsync(string tokenHash, int step, string answersJson);

    /// <summary>
    /// Makes the app the plan describes (inventory, organiser account, then the app itself, which makes
    /// it live), queues the confirmation e-mail and kills the link. Calls are handled one at a time, so a
    /// second call gets the first's app; an interrupted call is finished by the next.
    /// </summary>
    Task<ActivationResult> ActivateAsync(string tokenHash, ActivationPlan plan);

    /// <summary>The request and its onboarding state, or null.</summary>
    Task<BookingRequestView?> GetAsync();
}
