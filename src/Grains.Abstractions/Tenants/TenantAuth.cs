using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>
/// What the API needs to authenticate a request: the SHA-256 of each key (empty for a key never
/// issued), the status, the allowed origins and what may confirm a booking.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.tenant-auth")]
public sealed record TenantAuth(
    [property: Id(0)] string AppId,
    [property: Id(1)] ImmutableArray<byte> KeyHash,
    [property: Id(2)] bool Enabled,
    [property: Id(3)] ImmutableArray<string> AllowedOrigins,
    [property: Id(4)] ImmutableArray<byte> PublishableKeyHash = default,
    [property: Id(5)] ImmutableArray<byte> SecretKeyHash = default,
    [property: Id(6)] ConfirmationMode Confirmation = ConfirmationMode.Any,
    [property: Id(7)] AbuseLimits? Limits = null);
