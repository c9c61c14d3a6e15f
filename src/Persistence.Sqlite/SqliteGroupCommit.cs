using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;

namespace Reservations.Persistence.Sqlite;

/// <summary>
/// Group commit. Every SQLite commit waits for an fsync, SQLite has one writer, and
/// Microsoft.Data.Sqlite blocks its thread meanwhile. So writes queue here and one thread of our own
/// runs them in batches: one transaction and one fsync per batch, each write under its own savepoint
/// so that a refused write (an ETag mismatch, a duplicate row) is undone alone. A lone write waits
/// for nothing; under load, the writes that arrive during one commit form the next batch. Callers
/// hear back after the commit (docs/performance.md has the measurements that led here). The queue is
/// bounded: when <see cref="MaxQueued"/> writes wait, a new one is refused at once with Orleans'
/// <see cref="LimitExceededException"/> (the API answers 503 with Retry-After) instead of growing memory
/// and every caller's wait without bound.
/// </summary>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>About two seconds of writes at this machine's group commit rate: a caller behind more would wait longer than it is worth.</summary>
    public const int MaxQueued = 8_192;
    private const string SavepointSql = "SAVEPOINT w";
    private const string ReleaseSql = "RELEASE w";
    private const string RollbackSql = "ROLLBACK TO w";

    private readonly Func<SqliteConnection> _open;
    private readonly Channel<IQueuedWrite> _queue = Channel.CreateBounded<IQueuedWrite>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
    private readonly Lock _startLock = new();
    private Thread? _thread;
    private volatile bool _disposed;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteGroupCommit(Func<SqliteConnection> open) => _open = open;

    public Task<T> EnqueueAsync<T>(Func<SqliteTransaction, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var queued = new QueuedWrite<T>(write);
        if (!_queue.Writer.TryWrite(queued))
        {
            return Task.FromException<T>(_disposed ? new ObjectDisposedException(nameof(SqliteDatabase))
                : new LimitExceededException($"The SQLite write queue is full ({MaxQueued:N0} writes wait); try again shortly."));
        }

        if (_thread is null)
        {
            lock (_startLock)
            {
                if (_thread is null)
                {
                    _thread = new Thread(Run) { IsBackground = true, Name = "SQLite group commit" };
                    _thread.Start();
                }
            }
        }

        return queued.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _queue.Writer.TryComplete();
        lock (_startLock)
        {
            if (_thread is null)
            {
                return;
            }
        }

        await _stopped.Task;
    }

    private void Run()
    {
        KeptCommands? writer = null;
        var batch = new List<IQueuedWrite>(MaxBatch);
        try
        {
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                try
                {
                    writer ??= new KeptCommands(_open());
                    using (writer.Use())
                    {
                        Commit(writer, batch);
                    }
                }
                catch (Exception exception)
                {
                    // The batch did not commit: nothing of it is stored, and every writer hears so.
                    foreach (var write in batch)
                    {
                        write.Fail(exception);
                    }

                    writer?.Dispose();
                    writer = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            writer?.Dispose();
            _stopped.TrySetResult();
        }
    }

    private static void Commit(KeptCommands writer, List<IQueuedWrite> batch)
    {
        using (var transaction = writer.Connection.BeginTransaction(deferred: false))
        {
            foreach (var write in batch)
            {
                Savepoint(transaction, SavepointSql);
                if (write.TryRun(transaction))
                {
                    Savepoint(transaction, ReleaseSql);
                }
                else
                {
                    Savepoint(transaction, RollbackSql);
                    Savepoint(transaction, ReleaseSql);
                }
            }

            transaction.Commit();
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private static void Savepoint(SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Command(sql);
        command.ExecuteNonQuery();
    }

    private interface IQueuedWrite
    {
        /// <summary>Runs the write; false when it threw (its exception is kept for <see cref="Complete"/>).</summary>
        bool TryRun(SqliteTransaction transaction);

        /// <summary>After the commit: hands the caller its result or its refusal.</summary>
        void Complete();

        void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteTransaction, T> write)
        : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IQueuedWrite
    {
        private T? _result;
        private Exception? _refusal;

        public bool TryRun(SqliteTransaction transaction)
        {
            try
            {
                _result = write(transaction);
                return true;
            }
            catch (Exception exception)
            {
                _refusal = exception;
                return false;
            }
        }

        public void Complete()
        {
            if (_refusal is null)
            {
                TrySetResult(_result!);
            }
            else
            {
                TrySetException(_refusal);
            }
        }

        public void Fail(Exception exception) => TrySetException(exception);
    }
}
