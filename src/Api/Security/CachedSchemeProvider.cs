using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Reservations.Api.Security;

/// <summary>
/// The framework's scheme registry, answering with the same completed task each time: the framework's
/// makes a new one for every look-up, and the authentication middleware and each request's handler
/// provider look schemes up on every request (docs/performance.md). Adding or removing a scheme drops
/// the answers kept.
/// </summary>
internal sealed class CachedSchemeProvider(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    private readonly ConcurrentDictionary<string, Task<AuthenticationScheme?>> _byName = new(StringComparer.Ordinal);
    private Task<AuthenticationScheme?>? _defaultAuthenticate;
    private Task<IEnumerable<AuthenticationScheme>>? _requestHandlers;

    public override Task<AuthenticationScheme?> GetSchemeAsync(string name) =>
        _byName.TryGetValue(name, out var scheme) ? scheme : _byName.GetOrAdd(name, base.GetSchemeAsync(name));

    public override Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync() => _defaultAuthenticate ??= base.GetDefaultAuthenticateSchemeAsync();

    public override Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() => _requestHandlers ??= base.GetRequestHandlerSchemesAsync();

    public override void AddScheme(AuthenticationScheme scheme)
    {
        base.AddScheme(scheme);
        Forget();
    }

    public override bool TryAddScheme(AuthenticationScheme scheme)
    {
        var added = base.TryAddScheme(scheme);
        Forget();
        return added;
    }

    public override void RemoveScheme(string name)
    {
        base.RemoveScheme(name);
        Forget();
    }

    private void Forget()
    {
        _byName.Clear();
        _defaultAuthenticate = null;
        _requestHandlers = null;
    }
}
