using System.Collections.Immutable;

namespace Reservations.Grains.Onboarding;

/// <summary>Hands out booking request ids and lists the newest <see cref="IBookingRequestListGrain.MaxListed"/>.</summary>
public sealed class BookingRequestListGrain([PersistentState("booking-request-list")] IPersistentState<BookingRequestListState> list)
    : Grain, IBookingRequestListGrain
{
    async Task<long> IBookingRequestListGrain.RegisterAsync()
    {
        var id = list.State.LastId + 1;
        var previous = list.State;
        list.State = new BookingRequestListState { LastId = id, Ids = [.. previous.Ids.TakeLast(IBookingRequestListGrain.MaxListed - 1), id] };
        try
        {
            await list.WriteStateAsync();
        }
        catch
        {
            list.State = previous;
            throw;
        }

        return id;
    }

    Task<ImmutableArray<long>> IBookingRequestListGrain.ListAsync(int limit, long? before) =>
        Task.FromResult<ImmutableArray<long>>([.. Enumerable.Reverse(list.State.Ids).Where(id => before is null || id < before).Take(limit)]);
}
