using System.Text.Json;
using Reservations.Grains;
using Reservations.Grains.Seats;
using Reservations.Runtime;

namespace Reservations.Api.Contracts;

/// <summary>Where a page of bookings ended: the last record's order key, as opaque base64url JSON.</summary>
internal sealed record BookingCursor(DateTimeOffset CreatedAt, string Partition, string Key)
{
    public static string Encode(UniqueRecord last) =>
        Secrets.Base64Url(JsonSerializer.SerializeToUtf8Bytes(new BookingCursor(last.CreatedAt, last.Partition, last.Key), ApiJsonContext.Default.BookingCursor));

    public static UniqueRecord? Decode(string cursor)
    {
        if (cursor.Length is 0 or > 1024)
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var decoded = JsonSerializer.Deserialize(Convert.FromBase64String(base64), ApiJsonContext.Default.BookingCursor);
            return decoded is { Partition: not null, Key: not null }
                ? new UniqueRecord(Booking.RecordKind, decoded.Partition, decoded.Key, null, decoded.CreatedAt, string.Empty)
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
