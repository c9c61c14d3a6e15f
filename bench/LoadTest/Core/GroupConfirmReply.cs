namespace Reservations.LoadTest.Core;

/// <summary>One answer to a group's POST /confirm-booking: the booking id of each seat when 200 or 201 (status 0: no answer).</summary>
public sealed record GroupConfirmReply(int Status, IReadOnlyDictionary<string, string> BookingIdsBySeat, DateTimeOffset ReceivedAt);
