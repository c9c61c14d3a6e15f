using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reservations.Grains;

namespace Reservations.Api.Contracts;

/// <summary>Opaque page cursors: a small JSON record as base64url.</summary>
internal static class CursorCodec
{
    public static string Encode<T>(T cursor, JsonTypeInfo<T> type) => Secrets.Base64Url(JsonSerializer.SerializeToUtf8Bytes(cursor, type));

    /// <summary>The cursor, or null when the text is not one this API gave out.</summary>
    public static T? Decode<T>(string text, JsonTypeInfo<T> type) where T : class
    {
        if (text.Length is 0 or > 1024)
        {
            return null;
        }

        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            return JsonSerializer.Deserialize(Convert.FromBase64String(base64), type);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
