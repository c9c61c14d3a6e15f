namespace Reservations.Grains.Tenants;

/// <summary>A client app (key: appId): its settings, its keys' hashes, its usage.</summary>
[Alias("reservations.tenant")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the app and lists it in the registry; returns its API key, shown this once, or null if
    /// the app exists. Either the app exists whole afterwards or not at all.
    /// </summary>
    Task<string?> CreateAsync(TenantSettings settings);

    /// <summary>The app, or null.</summary>
    Task<TenantView?> GetAsync();

    /// <summary>Changes what the update sets; null if there is no such app.</summary>
    Task<TenantView?> UpdateAsync(TenantUpdate update);

    /// <summary>Replaces the app's original key (<see cref="AppCredential.Key"/>); the old one is refused from now on. Null if there is no such app.</summary>
    Task<string?> RotateKeyAsync();

    /// <summary>
    /// Issues <paramref name="credential"/> anew, shown this once; the one it replaces (only that one) is
    /// refused from now on. Null if there is no such app.
    /// </summary>
    Task<string?> RotateAsync(AppCredential credential);

    /// <summary>
    /// Whether the notification carries a valid signature by the app's current signing secret. False for
    /// no such app, or an app without a signing secret. Its age is the caller's to check.
    /// </summary>
    Task<bool> VerifyPaymentNotificationAsync(PaymentNotificationSignature notification);

    /// <summary>What request authentication needs; null if there is no such app.</summary>
    Task<TenantAuth?> GetAuthAsync();

    /// <summary>Adds usage counted since the last flush.</summary>
    Task RecordUsageAsync(TenantUsage delta);
}
