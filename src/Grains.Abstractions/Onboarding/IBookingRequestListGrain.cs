using System.Collections.Immutable;

namespace Reservations.Grains.Onboarding;

/// <summary>The booking requests' ids (a single grain, key "all"): hands out ids and lists the newest <see cref="MaxListed"/>.</summary>
[Alias("reservations.booking-request-list")]
public interface IBookingRequestListGrain : IGrainWithStringKey
{
    /// <summary>The list's one key.</summary>
    const string Key = "all";

    /// <summary>How many ids the admin's list keeps; older requests stay stored but are no longer listed.</summary>
    const int MaxListed = 10_000;

    /// <summary>A new request id, listed.</summary>
    Task<long> RegisterAsync();

    /// <summary>Up to <paramref name="limit"/> ids below <paramref name="before"/> (all when null), newest first.</summary>
    Task<ImmutableArray<long>> ListAsync(int limit, long? before);
}
