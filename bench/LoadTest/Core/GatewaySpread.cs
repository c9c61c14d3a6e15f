namespace Reservations.LoadTest.Core;

/// <summary>How a user's requests are spread over the gateways.</summary>
public enum GatewaySpread
{
    /// <summary>Each user is pinned to one gateway, round-robin by user.</summary>
    PerUser,

    /// <summary>A user's consecutive requests rotate over the gateways: a hold made through one is confirmed through another.</summary>
    PerRequest,
}
