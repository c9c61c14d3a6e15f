using Microsoft.Extensions.Logging;
using Reservations.Grains.Webhooks;

namespace Reservations.Grains.Tenants;

/// <summary>
/// A client app. Each key is returned once, at creation or rotation, and stored only as its SHA-256;
/// the payment signing secret is derived from the engine's webhook key and a version, never stored (I7).
/// </summary>
public sealed class TenantGrain(
    [PersistentState("tenant")] IPersistentState<TenantState> tenant, WebhookSigner signer, TimeProvider time, ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    private const string KeyPrefix = "sk_live_";
    private const string PublishableKeyPrefix = "pk_live_";
    private const string SecretKeyPrefix = "sk_server_";

    private TenantState State => tenant.State;

    async Task<string?> ITenantGrain.CreateAsync(TenantSettings settings)
    {
        if (State.Created)
        {
            return null;
        }

        // Listed first, written second: a failure between the two leaves an id in the registry that
        // names no app (listings skip it), never an app that the admin cannot see.
        await GrainFactory.Reference<ITenantRegistryGrain>(ITenantRegistryGrain.Key).AddAsync(this.GetPrimaryKeyString());
        var key = NewKey();
        tenant.State = new TenantState
        {
            Created = true,
            Name = settings.Name,
            Domain = settings.Domain,
            AllowedOrigins = [.. settings.AllowedOrigins.IsDefault ? [] : settings.AllowedOrigins],
            Enabled = true,
            CreatedAt = time.GetUtcNow(),
            KeyHash = Secrets.Sha256(key),
            Usage = TenantUsage.Zero,
        };
        await WriteOrReloadAsync();
        return key;
    }

    Task<TenantView?> ITenantGrain.GetAsync() => Task.FromResult(State.Created ? View() : null);

    async Task<TenantView?> ITenantGrain.UpdateAsync(TenantUpdate update)
    {
        if (!State.Created)
        {
            return null;
        }

        State.Name = update.Name ?? State.Name;
        State.AllowedOrigins = update.AllowedOrigins is { IsDefault: false } origins ? [.. origins] : State.AllowedOrigins;
        State.HoldLimits = update.HoldLimits ?? State.HoldLimits;
        State.Limits = update.Limits ?? State.Limits;
        State.Enabled = update.Enabled ?? State.Enabled;
        State.Confirmation = update.Confirmation ?? State.Confirmation;
        await WriteOrReloadAsync();
        return View();
    }

    Task<string?> ITenantGrain.RotateKeyAsync() => RotateAsync(AppCredential.Key);

    Task<string?> ITenantGrain.RotateAsync(AppCredential credential) => RotateAsync(credential);

    Task<bool> ITenantGrain.VerifyPaymentNotificationAsync(PaymentNotificationSignature notification) => Task.FromResult(
        State is { Created: true, SigningSecretVersion: > 0 }
        && WebhookSigner.Verify(
            signer.PaymentSecretOf(this.GetPrimaryKeyString(), State.SigningSecretVersion),
            notification.NotificationId,
            notification.Timestamp,
            notification.Body,
            notification.Signature));

    Task<TenantAuth?> ITenantGrain.GetAuthAsync() => Task.FromResult(
        State.Created
            ? new TenantAuth(
                this.GetPrimaryKeyString(),
                [.. State.KeyHash],
                State.Enabled,
                [.. State.AllowedOrigins],
                [.. State.PublishableKeyHash ?? []],
                [.. State.SecretKeyHash ?? []],
                State.Confirmation,
                State.Limits)
            : null);

    async Task ITenantGrain.RecordUsageAsync(TenantUsage delta)
    {
        // Usage of an app that does not exist is dropped: it must not bring a tenant into being.
        if (!State.Created)
        {
            return;
        }

        State.Usage = State.Usage.Add(delta);
        await WriteOrReloadAsync();

        // The totals are stored, so the flush has succeeded: a history that misses this delta is only
        // a chart short of it, whereas failing the flush would make the meter send it again and count
        // it twice in the totals.
        try
        {
            await GrainFactory.Reference<IUsageHistoryGrain>(this.GetPrimaryKeyString()).RecordAsync(delta);
        }
        catch (Exception exception)
        {
            GrainsLog.UsageHistoryNotRecorded(logger, this.GetPrimaryKeyString(), exception);
        }
    }

    private async Task<string?> RotateAsync(AppCredential credential)
    {
        if (!State.Created)
        {
            return null;
        }

        string secret;
        switch (credential)
        {
            case AppCredential.Key:
                secret = NewKey();
                State.KeyHash = Secrets.Sha256(secret);
                break;
            case AppCredential.PublishableKey:
                secret = PublishableKeyPrefix + Secrets.NewToken(32);
                State.PublishableKeyHash = Secrets.Sha256(secret);
                break;
            case AppCredential.SecretKey:
                secret = SecretKeyPrefix + Secrets.NewToken(32);
                State.SecretKeyHash = Secrets.Sha256(secret);
                break;
            case AppCredential.SigningSecret:
                State.SigningSecretVersion++;
                secret = signer.PaymentSecretOf(this.GetPrimaryKeyString(), State.SigningSecretVersion);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(credential), credential, "Not an app credential.");
        }

        await WriteOrReloadAsync();
        return secret;
    }

    private static string NewKey() => KeyPrefix + Secrets.NewToken(32);

    private TenantView View() => new(
        this.GetPrimaryKeyString(),
        State.Name,
        State.Domain,
        [.. State.AllowedOrigins],
        State.Enabled,
        State.CreatedAt,
        State.Usage,
        State.HoldLimits,
        State.Confirmation,
        State.PublishableKeyHash is not null,
        State.SecretKeyHash is not null,
        State.SigningSecretVersion > 0,
        State.Limits);

    // State is changed in place here; a failed write reloads it, so memory never runs ahead of storage.
    private async Task WriteOrReloadAsync()
    {
        try
        {
            await tenant.WriteStateAsync();
        }
        catch
        {
            await tenant.ReadStateAsync();
            throw;
        }
    }
}
