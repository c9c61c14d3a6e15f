namespace Reservations.Grains.Tenants;

/// <summary>What a client app sells.</summary>
public enum TenantDomain
{
    /// <summary>Event tickets.</summary>
    Event,
    /// <summary>Bus seats.</summary>
    Bus,
    /// <summary>Cinema seats.</summary>
    Movie,
    /// <summary>Rental slots.</summary>
    Rental,
}
