namespace Reservations.Grains.Tenants;

/// <summary>
/// What may confirm a booking of an app (PATCH /admin/apps/{appId} <c>confirmation</c>). Each mode asks
/// more proof of payment than the one before; a publishable key never confirms.
/// </summary>
[GenerateSerializer, Alias("reservations.confirmation-mode")]
public enum ConfirmationMode
{
    /// <summary>The secret key or the app's original key (with the user's token), or a signed payment notification.</summary>
    Any,

    /// <summary>Only the app's server: the secret key (with the user's token) or a signed payment notification.</summary>
    Server,

    /// <summary>Only a signed payment notification.</summary>
    Signed,
}
