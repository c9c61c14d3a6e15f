using System.Globalization;
using System.Text;

namespace Reservations.Client;

/// <summary>A relative URI being built: path parameters filled in, query parameters appended (null ones left out).</summary>
internal struct Route(string template)
{
    private string _path = template;
    private StringBuilder? _query;

    public void Path(string name, object value) =>
        _path = _path.Replace("{" + name + "}", Uri.EscapeDataString(Text(value)), StringComparison.Ordinal);

    public void Query(string name, object? value)
    {
        if (value is null)
        {
            return;
        }

        _query ??= new StringBuilder();
        _query.Append(_query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(Text(value)));
    }

    public override readonly string ToString() => _query is null ? _path : _path + _query;

    private static string Text(object value) => value switch
    {
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
