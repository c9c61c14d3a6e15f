using System.Collections.Immutable;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// An app's webhook endpoints: registration, removal and secret rotation. Each endpoint has its own
/// <see cref="IWebhookDispatcherGrain"/>, started here. Secrets are derived, never stored (<see cref="WebhookSigner"/>).
/// </summary>
public sealed class WebhookEndpointsGrain(
    [PersistentState("webhook-endpoints")] IPersistentState<WebhookEndpointsState> endpoints,
    WebhookSubscriptions subscriptions,
    WebhookSigner signer,
    IWebhookOutbox outbox,
    TimeProvider time) : Grain, IWebhookEndpointsGrain
{
    /// <summary>How many endpoints an app may register.</summary>
    public const int MaxEndpoints = 10;

    private string AppId => this.GetPrimaryKeyString();

    private List<WebhookEndpoint> List => endpoints.State.Endpoints;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        subscriptions.Set(AppId, [.. List]);
        return Task.CompletedTask;
    }

    async Task<WebhookRegistration> IWebhookEndpointsGrain.RegisterAsync(string url, WebhookEventTypes types, bool batch)
    {
        if (List.Count >= MaxEndpoints)
        {
            return new WebhookRegistration(WebhookRegistrationOutcome.TooManyEndpoints, null);
        }

        var endpoint = new WebhookEndpoint("we_" + Secrets.NewToken(), url, types, time.GetUtcNow(), 1, batch);
        await ChangeAsync(list => list.Add(endpoint));
        await Dispatcher(endpoint.EndpointId).StartAsync();
        return new WebhookRegistration(WebhookRegistrationOutcome.Registered, WithSecret(endpoint));
    }

    Task<ImmutableArray<WebhookEndpoint>> IWebhookEndpointsGrain.ListAsync() => Task.FromResult<ImmutableArray<WebhookEndpoint>>([.. List]);

    Task<WebhookEndpoint?> IWebhookEndpointsGrain.GetAsync(string endpointId) => Task.FromResult(Find(endpointId));

    async Task<bool> IWebhookEndpointsGrain.RemoveAsync(string endpointId)
    {
        if (Find(endpointId) is not { } endpoint)
        {
            return false;
        }

        await ChangeAsync(list => list.Remove(endpoint));
        await Dispatcher(endpointId).StopAsync();
        await outbox.DeleteEndpointAsync(AppId, endpointId);
        return true;
    }

    async Task<WebhookEndpointSecret?> IWebhookEndpointsGrain.RotateSecretAsync(string endpointId)
    {
        if (Find(endpointId) is not { } endpoint)
        {
            return null;
        }

        var rotated = endpoint with { SecretVersion = endpoint.SecretVersion + 1 };
        await ChangeAsync(list => list[list.IndexOf(endpoint)] = rotated);
        return WithSecret(rotated);
    }

    private WebhookEndpoint? Find(string endpointId) => List.Find(e => e.EndpointId == endpointId);

    private WebhookEndpointSecret WithSecret(WebhookEndpoint endpoint) =>
        new(endpoint, signer.SecretOf(AppId, endpoint.EndpointId, endpoint.SecretVersion));

    private async Task ChangeAsync(Action<List<WebhookEndpoint>> change)
    {
        var previous = List.ToList();
        change(List);
        try
        {
            await endpoints.WriteStateAsync();
        }
        catch
        {
            endpoints.State.Endpoints = previous;
            throw;
        }

        subscriptions.Set(AppId, [.. List]);
    }

    private IWebhookDispatcherGrain Dispatcher(string endpointId) => GrainFactory.Reference<IWebhookDispatcherGrain>(GrainKeys.Scoped(AppId, endpointId));
}
