using Microsoft.Data.Sqlite;

namespace Reservations.Persistence.Sqlite;

/// <summary>
/// One connection's commands, one per SQL text, kept as long as the connection. Microsoft.Data.Sqlite
/// prepares a new command's SQL every time; a write or read that reuses one skips SQLite's parser and
/// planner (docs/performance.md). The group commit's thread and each read in progress make the
/// connection they use this thread's (<see cref="Current"/>), where <see cref="SqliteCommands"/> finds it.
/// </summary>
internal sealed class KeptCommands : IDisposable
{
    /// <summary>More distinct SQL texts than any caller uses; past it, SQL built per call is not kept.</summary>
    private const int MaxKept = 64;

    [ThreadStatic]
    private static KeptCommands? t_current;

    private readonly Dictionary<string, KeptCommand> _commands = new(StringComparer.Ordinal);

    public KeptCommands(SqliteConnection connection) => Connection = connection;

    /// <summary>The commands of the connection this thread is using, if it uses one of ours.</summary>
    public static KeptCommands? Current => t_current;

    public SqliteConnection Connection { get; }

    /// <summary>Makes these the thread's commands until the returned scope is disposed (scopes nest).</summary>
    public Scope Use()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    /// <summary>The kept command of <paramref name="sql"/>, in <paramref name="transaction"/> (or none) and without parameters; null when too many are kept.</summary>
    public SqliteCommand? Get(SqliteTransaction? transaction, string sql)
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

    /// <summary>Gives the thread back the commands it used before.</summary>
    public readonly struct Scope(KeptCommands? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }

    /// <summary>A command whose callers' Dispose keeps it (and its prepared statements) for the next use.</summary>
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
