using System.Data.Common;
using System.Threading.Channels;

namespace Reservations.Runtime.Storage.Sql;

/// <summary>
/// Group commit, for SQLite: every commit waits for an fsync, SQLite has one writer, and
/// Microsoft.Data.Sqlite blocks its thread meanwhile. So writes queue here, and one loop runs them
/// in batches: one transaction and one fsync per batch, each write under its own savepoint so that
/// a refused write (an ETag mismatch, a duplicate record) is undone alone. Callers hear back after
/// the commit. (PostgreSQL does not use it: through one connection its round trips became the
/// limit; see docs/performance.md.)
/// </summary>
internal sealed class WriteBatcher(
    Func<CancellationToken, ValueTask<DbConnection>> open,
    Func<DbConnection, CancellationToken, ValueTask<DbTransaction>> begin) : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const string Savepoint = "w";

    private readonly Channel<IBatchedWrite> _queue = Channel.CreateUnbounded<IBatchedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;

    public Task<T> EnqueueAsync<T>(Func<DbConnection, DbTransaction, Task<T>> unit)
    {
        var write = new BatchedWrite<T>(unit);
        if (!_queue.Writer.TryWrite(write))
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(SqlStorage)));
        }

        if (_loop is null)
        {
            lock (_startLock)
            {
                _loop ??= Task.Run(RunAsync);
            }
        }

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        DbConnection? connection = null;
        var batch = new List<IBatchedWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                connection ??= await open(CancellationToken.None);
                await CommitAsync(connection, batch);
            }
            catch (Exception exception)
            {
                // The batch did not commit: nothing of it is stored, and every writer hears so.
                foreach (var write in batch)
                {
                    write.Fail(exception);
                }

                if (connection is not null)
                {
                    await connection.DisposeAsync();
                    connection = null;
                }
            }

            batch.Clear();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task CommitAsync(DbConnection connection, List<IBatchedWrite> batch)
    {
        await using var transaction = await begin(connection, CancellationToken.None);
        foreach (var write in batch)
        {
            await transaction.SaveAsync(Savepoint);
            if (await write.TryRunAsync(connection, transaction))
            {
                await transaction.ReleaseAsync(Savepoint);
            }
            else
            {
                await transaction.RollbackAsync(Savepoint);
                await transaction.ReleaseAsync(Savepoint);
            }
        }

        await transaction.CommitAsync();
        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private interface IBatchedWrite
    {
        /// <summary>Runs the write; false when it threw (its outcome is kept for <see cref="Complete"/>).</summary>
        Task<bool> TryRunAsync(DbConnection connection, DbTransaction transaction);

        /// <summary>After the commit: hands the caller its result or its refusal.</summary>
        void Complete();

        void Fail(Exception exception);
    }

    private sealed class BatchedWrite<T>(Func<DbConnection, DbTransaction, Task<T>> unit)
        : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IBatchedWrite
    {
        private T? _result;
        private Exception? _refusal;

        public async Task<bool> TryRunAsync(DbConnection connection, DbTransaction transaction)
        {
            try
            {
                _result = await unit(connection, transaction);
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
