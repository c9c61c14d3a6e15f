namespace Reservations.Api.Errors;

/// <summary>Caps request bodies, whatever server runs the API (Kestrel, or the test server that has no limit of its own).</summary>
internal static class RequestLimits
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Raises the cap for one endpoint (bulk seeding).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata(bytes));

    /// <summary>Runs after routing, so an endpoint's own limit applies.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitMetadata>()?.Bytes ?? MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return ApiProblem.Of(413, "payload_too_large", $"Request bodies are limited to {limit} bytes.").ExecuteAsync(context);
        }

        // A body with a Content-Length within the limit is read exactly that far by the server. A body
        // without one (chunked) is counted by our own stream rather than the server's limit: the
        // server's error is an IOException that body binding swallows into an empty answer, ours
        // reaches the exception handler.
        if (context.Request.ContentLength is null)
        {
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }

        return next(context);
    });

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new PayloadTooLargeException(limit)
                : read;
        }
    }
}

/// <summary>A request body grew past <see cref="RequestLimits.MaxBodyBytes"/>.</summary>
internal sealed class PayloadTooLargeException(long limit) : Exception($"Request bodies are limited to {limit} bytes.");

internal sealed record BodyLimitMetadata(long Bytes);
