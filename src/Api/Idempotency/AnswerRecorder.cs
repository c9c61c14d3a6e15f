namespace Reservations.Api.Idempotency;

/// <summary>The response body as it is sent, also copied up to a limit, for an idempotent request to keep.</summary>
internal sealed class AnswerRecorder(Stream inner, int limit) : Stream
{
    private readonly MemoryStream _copy = new();

    /// <summary>Whether the body grew past the limit: then it is not kept.</summary>
    public bool Overflowed { get; private set; }

    public ReadOnlySpan<byte> Recorded => _copy.GetBuffer().AsSpan(0, (int)_copy.Length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Record(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        Record(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _copy.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Record(ReadOnlySpan<byte> buffer)
    {
        if (Overflowed || _copy.Length + buffer.Length > limit)
        {
            Overflowed = true;
            return;
        }

        _copy.Write(buffer);
    }
}
