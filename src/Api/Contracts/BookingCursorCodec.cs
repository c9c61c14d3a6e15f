using System.Text.Json;
using Reservations.Grains;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Api.Contracts;

/// <summary>The opaque cursor of a booking page: the last booking's order key, as base64url JSON.</summary>
internal static class BookingCursorCodec
{
    public static string Encode(Booking last) =>
        Secrets.Base64Url(JsonSerializer.SerializeToUtf8Bytes(new BookingCursor(last.BookedAt, last.AppId, last.SeatId), ApiJsonContext.Default.BookingCursor));

    /// <summary>The cursor, or null when the text is not a cursor this API gave out.</summary>
    public static BookingCursor? Decode(string text)
    {
        if (text.Length is 0 or > 1024)
        {
            return null;
        }

        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var cursor = JsonSerializer.Deserialize(Convert.FromBase64String(base64), ApiJsonContext.Default.BookingCursor);
            return cursor is { AppId: not null, SeatId: not null } ? cursor : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
