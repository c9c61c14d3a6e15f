namespace Reservations.LoadTest.Engine;

/// <summary>The child engine's stdout and stderr, kept in a file so they do not tear the live display; an engine restarted on the same directory appends.</summary>
internal sealed class EngineLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock _lock = new();
    private bool _closed;

    public string Path => path;

    public void Append(string? line)
    {
        lock (_lock)
        {
            if (line is not null && !_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public string Tail(int lines)
    {
        lock (_lock)
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
