using System.Text;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>
/// One generated request. <paramref name="Flaw"/> names what makes it invalid; when
/// <paramref name="MustBeRefused"/> the engine must answer 4xx (only reads without a flaw may succeed).
/// </summary>
public sealed record FuzzRequest(
    FuzzRoute Route,
    string Flaw,
    bool MustBeRefused,
    string Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(PathAndQuery, UriKind.Relative));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>The request as a failure message shows it: enough to see what was sent, never megabytes.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .Append(Route).Append(" [").Append(Flaw).Append("]: ").Append(Method).Append(' ').Append(Cut(PathAndQuery, 300)).AppendLine();
        foreach (var (name, value) in Headers)
        {
            text.Append("  ").Append(name).Append(": ").AppendLine(Cut(Escape(value), 200));
        }

        if (Body is not null)
        {
            text.Append("  Content-Type: ").AppendLine(ContentType is null ? "(none)" : Escape(ContentType))
                .Append("  body (").Append(Body.Length).Append(" bytes): ")
                .AppendLine(Cut(Escape(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 600))), 400));
        }

        return text.ToString();
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : $"{value[..length]}… ({value.Length} chars)";

    private static string Escape(string value) => value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
