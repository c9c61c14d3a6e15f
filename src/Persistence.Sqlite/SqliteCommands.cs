using Microsoft.Data.Sqlite;

namespace Reservations.Persistence.Sqlite;

/// <summary>Commands bound to a connection, or to the connection and transaction of a write.</summary>
public static class SqliteCommands
{
    /// <summary>
    /// A command of <paramref name="sql"/> inside <paramref name="transaction"/>. Inside a group commit it is
    /// the writer's own, prepared once and reused (<see cref="KeptCommands"/>): dispose it as any other.
    /// </summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (KeptCommands.Current is { } writer && writer.Connection == transaction.Connection && writer.Get(transaction, sql) is { } kept)
        {
            return kept;
        }

        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// A command of <paramref name="sql"/> on <paramref name="connection"/>. Inside <see cref="SqliteDatabase.Read"/> it
    /// is the reader connection's own, prepared once and reused: dispose it as any other.
    /// </summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (KeptCommands.Current is { } reader && reader.Connection == connection && reader.Get(null, sql) is { } kept)
        {
            return kept;
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs <paramref name="sql"/> (no parameters, run once: not kept) inside <paramref name="transaction"/>.</summary>
    public static void Execute(this SqliteTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
