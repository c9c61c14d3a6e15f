using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>What the API needs to authenticate a request: the key's SHA-256, the status, the allowed origins.</summary>
[GenerateSerializer, Immutable, Alias("reservations.tenant-auth")]
public sealed record TenantAuth(
    [property: Id(0)] string AppId,
    [property: Id(1)] ImmutableArray<byte> KeyHash,
    [property: Id(2)] bool Enabled,
    [property: Id(3)] ImmutableArray<string> AllowedOrigins,
    [property: Id(10)] AbuseLimits? Limits = null);
