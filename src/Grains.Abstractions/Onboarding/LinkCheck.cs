namespace Reservations.Grains.Onboarding;

/// <summary>What an onboarding link is worth now.</summary>
public enum LinkCheck
{
    /// <summary>The link is current and unexpired.</summary>
    Valid,
    /// <summary>No link has this token.</summary>
    Unknown,
    /// <summary>Its 24 hours passed before the wizard was completed.</summary>
    Expired,
    /// <summary>The admin sent a newer link; this one died then.</summary>
    Replaced,
    /// <summary>The wizard was completed with it: the app exists.</summary>
    Used,
}
