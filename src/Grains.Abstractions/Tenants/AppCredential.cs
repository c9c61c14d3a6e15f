namespace Reservations.Grains.Tenants;

/// <summary>The secrets of an app, each shown once when issued and replaced on its own.</summary>
[GenerateSerializer, Alias("reservations.app-credential")]
public enum AppCredential
{
    /// <summary>The key an app is created with (<c>sk_live_…</c>): may do everything, as before the kinds existed.</summary>
    Key,

    /// <summary>The browser's key (<c>pk_live_…</c>): everything but confirming a booking.</summary>
    PublishableKey,

    /// <summary>The server's key (<c>sk_server_…</c>): everything, confirming included.</summary>
    SecretKey,

    /// <summary>The secret that signs payment notifications (<c>whsec_…</c>, as webhook secrets).</summary>
    SigningSecret,
}
