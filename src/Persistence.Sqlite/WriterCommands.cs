using Microsoft.Data.Sqlite;

namespace Reservations.Persistence.Sqlite;

/// <summary>
/// The writer connection's commands, one per SQL text, kept as long as the connection. Microsoft.Data.Sqlite
/// prepares a new command's SQL every time; a write that reuses one skips SQLite's parser and planner
/// (1.9 % of the engine's CPU under distinct holds, docs/performance.md). Only the group commit's thread
/// uses them, so it finds them in <see cref="Current"/>.
/// </summary>
internal sealed class WriterCommands : IDisposable
{
    /// <summary>More distinct SQL texts than any write uses; past it, SQL built per call is not kept.</summary>
    private const int MaxKept = 64;

    [ThreadStatic]
    private static WriterCommands? t_current;

    private readonly Dictionary<string, KeptCommand> _commands = new(StringComparer.Ordinal);

    private WriterCommands(SqliteConnection connection) => Connection = connection;

    /// <summary>The writer thread's commands, if this thread is the writer.</summary>
    public static WriterCommands? Current => t_current;

    public SqliteConnection Connection { get; }

    /// <summary>Makes the commands of <paramref name="connection"/> this thread's.</summary>
    public static WriterCommands Attach(SqliteConnection connection) => t_current = new WriterCommands(connection);

    /// <summary>The kept command of <paramref name="sql"/>, in <paramref name="transaction"/> and without parameters; null when too many are kept.</summary>
    public SqliteCommand? Get(SqliteTransaction transaction, string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxKept)
            {
                return null;
            }

            command = new KeptCommand { Connection = Connection, CommandText = sql };
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Releases the prepared statements, then the connection.</summary>
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Release();
        }

        _commands.Clear();
        Connection.Dispose();
        if (t_current == this)
        {
            t_current = null;
        }
    }

    /// <summary>A command whose callers' Dispose keeps it (and its prepared statements) for the next write.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released)
            {
                base.Dispose(disposing);
            }
        }
    }
}
