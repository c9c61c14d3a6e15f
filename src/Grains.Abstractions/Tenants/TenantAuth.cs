using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>What the API needs to authenticate a request: the key's SHA-256, the status, the allowed origins.</summary>
public sealed record TenantAuth(string AppId, ImmutableArray<byte> KeyHash, bool Enabled, ImmutableArray<string> AllowedOrigins);
