using Microsoft.Data.Sqlite;

namespace Reservations.Peer;

/// <summary>
/// The seats table in one SQLite file (WAL, synchronous=FULL), written through one connection, one
/// statement and one commit at a time: SQLite has a single writer, and a lock is the plainest way to
/// queue for it (several connections would spin on SQLITE_BUSY instead).
/// </summary>
internal sealed class SqliteHoldStore : IHoldStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteHoldStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
    }

    public Task CreateSchemaAsync()
    {
        Execute("PRAGMA journal_mode=WAL");
        Execute("PRAGMA synchronous=FULL");
        Execute("CREATE TABLE IF NOT EXISTS peer_seats (id TEXT PRIMARY KEY, holder TEXT, held_until INTEGER)");
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<string>> SeedAsync(string prefix, IReadOnlyList<string> seatNumbers)
    {
        var ids = seatNumbers.Select(number => $"{prefix}:{number}").ToArray();
        await _writer.WaitAsync();
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO peer_seats (id) VALUES (@id)";
            var id = insert.Parameters.Add("@id", SqliteType.Text);
            foreach (var seatId in ids)
            {
                id.Value = seatId;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            _writer.Release();
        }

        return ids;
    }

    public async Task<bool> TryHoldAsync(string seatId, string holder, DateTimeOffset heldUntil)
    {
        await _writer.WaitAsync();
        try
        {
            using var update = _connection.CreateCommand();
            update.CommandText = "UPDATE peer_seats SET holder = @u, held_until = @t WHERE id = @id AND (holder IS NULL OR held_until < @now)";
            update.Parameters.AddWithValue("@u", holder);
            update.Parameters.AddWithValue("@t", heldUntil.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("@id", seatId);
            update.Parameters.AddWithValue("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return update.ExecuteNonQuery() == 1;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _writer.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
