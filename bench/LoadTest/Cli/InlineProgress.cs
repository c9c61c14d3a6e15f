namespace Reservations.LoadTest.Cli;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts and may reorder).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
