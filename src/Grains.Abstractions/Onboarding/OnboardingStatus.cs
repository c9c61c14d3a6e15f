namespace Reservations.Grains.Onboarding;

/// <summary>Where a booking request stands, as the admin sees it.</summary>
public enum OnboardingStatus
{
    /// <summary>A link was sent; the wizard was not started.</summary>
    LinkSent,
    /// <summary>The wizard has saved steps.</summary>
    InProgress,
    /// <summary>The app exists.</summary>
    Activated,
    /// <summary>The current link expired before activation.</summary>
    Expired,
}
