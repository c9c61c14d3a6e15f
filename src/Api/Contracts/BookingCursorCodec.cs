using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Api.Contracts;

/// <summary>The opaque cursor of a booking page: the last booking's order key.</summary>
internal static class BookingCursorCodec
{
    public static string Encode(Booking last) =>
        CursorCodec.Encode(new BookingCursor(last.BookedAt, last.AppId, last.SeatId), ApiJsonContext.Default.BookingCursor);

    /// <summary>The cursor, or null when the text is not a cursor this API gave out.</summary>
    public static BookingCursor? Decode(string text) =>
        CursorCodec.Decode(text, ApiJsonContext.Default.BookingCursor) is { AppId: not null, SeatId: not null } cursor ? cursor : null;
}
