using System.Threading.Channels;
using Npgsql;
using Orleans.Runtime;

namespace Reservations.Ledger;

/// <summary>
/// Runs items in batches: every item that arrives while a batch is being run goes into the next
/// one, one statement (and, for writes, one commit) for all of them. Under load an item then costs a
/// fraction of a statement and a commit instead of one each (docs/performance.md); alone, it is one
/// round trip. The batch's function decides each item's outcome; one that throws fails every item it
/// has not decided. The queue is bounded:
/// when <see cref="MaxQueued"/> items wait, a new one is refused at once with Orleans'
/// <see cref="LimitExceededException"/> (the API answers 503 with Retry-After).
/// </summary>
public sealed class PostgresBatcher<T> : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>Thirty-two full batches: seconds of work for the database; a caller behind more would wait longer than it is worth.</summary>
    public const int MaxQueued = 8_192;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Func<NpgsqlConnection, IReadOnlyList<Pending>, Task> _write;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
    private readonly Task _writer;
    private volatile bool _disposed;

    /// <summary>Starts the writer: <paramref name="write"/> gets each batch on an open connection and decides every item in it.</summary>
    public PostgresBatcher(NpgsqlDataSource dataSource, Func<NpgsqlConnection, IReadOnlyList<Pending>, Task> write)
    {
        _dataSource = dataSource;
        _write = write;
        _writer = Task.Run(WriteBatchesAsync);
    }

    /// <summary>Completes once the write decided the item: committed, or refused with the write's exception.</summary>
    public Task EnqueueAsync(T item)
    {
        var pending = new Pending(item);
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException(_disposed ? new ObjectDisposedException(GetType().Name)
                : new LimitExceededException($"The PostgreSQL batch queue is full ({MaxQueued:N0} items wait); try again shortly."));
        }

        return pending.Done.Task;
    }

    /// <summary>Refuses new items and waits until the queued ones are written.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync();
                await _write(connection, batch);
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>An item waiting for its batch; the write completes <see cref="Done"/>.</summary>
    public sealed record Pending(T Item)
    {
        /// <summary>Completed by the write: a result once the item is committed, an exception when refused.</summary>
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
