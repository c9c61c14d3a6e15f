using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Reservations.Persistence.Sqlite;

/// <summary>
/// One SQLite file, shared by everything a silo keeps in it (grain state, reminders, and whatever
/// else registers a schema). WAL journal with <c>synchronous=FULL</c>: a committed write survives a
/// process kill and a power loss. Reads run on the caller's thread over reader connections of our
/// own, beside the writes, each keeping its prepared statements; writes are group-committed by
/// <see cref="SqliteGroupCommit"/>.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    /// <summary>Idle reader connections kept; more are opened while reads overlap, and closed after.</summary>
    private static readonly int MaxIdleReaders = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly string _connectionString;
    private readonly SqliteGroupCommit _writer;
    private readonly ConcurrentBag<KeptCommands> _readers = [];
    private volatile bool _disposed;

    /// <summary>Uses the database file at <paramref name="path"/>, creating it and its folder when missing.</summary>
    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database for this long (another process writing).
            DefaultTimeout = 30,
        }.ToString();
        _writer = new SqliteGroupCommit(OpenWriter);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Runs <paramref name="read"/> on a reader connection no one else uses meanwhile; it sees every committed write.
    /// Commands it makes with <see cref="SqliteCommands.Command(SqliteConnection, string)"/> are the connection's kept ones.
    /// </summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = _readers.TryTake(out var idle) ? idle : OpenReader();
        try
        {
            using (reader.Use())
            {
                return read(reader.Connection);
            }
        }
        finally
        {
            if (_disposed || _readers.Count >= MaxIdleReaders)
            {
                reader.Dispose();
            }
            else
            {
                _readers.Add(reader);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in the next group commit and completes once that commit is
    /// durable. If it throws, what it wrote is undone alone and the task fails with its exception.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write) => _writer.EnqueueAsync(write);

    /// <summary>
    /// Brings <paramref name="module"/>'s tables to the last of its <paramref name="steps"/>: step i
    /// (from 0) is applied once, as version i + 1. Safe when several processes start at once.
    /// </summary>
    public Task MigrateAsync(string module, IReadOnlyList<string> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        ArgumentNullException.ThrowIfNull(steps);
        return WriteAsync(transaction =>
        {
            transaction.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (module, version))");
            using var select = transaction.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = @module");
            select.Parameters.AddWithValue("@module", module);
            for (var step = Convert.ToInt32(select.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture); step < steps.Count; step++)
            {
                transaction.Execute(steps[step]);
                using var record = transaction.Command("INSERT INTO schema_migrations (module, version) VALUES (@module, @version)");
                record.Parameters.AddWithValue("@module", module);
                record.Parameters.AddWithValue("@version", step + 1);
                record.ExecuteNonQuery();
            }

            return true;
        });
    }

    /// <summary>Finishes the queued writes, then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        await _writer.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    private KeptCommands OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return new KeptCommands(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // A savepoint's journal stays in memory (not a temp file per batch). The page cache stays at
            // SQLite's 2 MiB: a larger one made every commit slower (docs/decisions.md, "The SQLite
            // writer keeps SQLite's default page cache").
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
