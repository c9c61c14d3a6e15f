namespace Reservations.Api.Contracts;

public sealed record CreateChannelRequest(string? Name);

public sealed record ChannelKeyResponse(string Name, string Key);

public sealed record ChannelResponse(string Name, DateTimeOffset CreatedAt);

public sealed record ChannelListResponse(IReadOnlyList<ChannelResponse> Channels);

public sealed record ChannelSeatsRequest(IReadOnlyList<string?>? SeatIds);

public sealed record ChannelSeatsResponse(string? Channel, IReadOnlyList<string> SeatIds);
