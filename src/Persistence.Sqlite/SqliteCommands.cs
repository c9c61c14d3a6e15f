using Microsoft.Data.Sqlite;

namespace Reservations.Persistence.Sqlite;

/// <summary>Commands bound to a connection, or to the connection and transaction of a write.</summary>
public static class SqliteCommands
{
    /// <summary>A command of <paramref name="sql"/> inside <paramref name="transaction"/>.</summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A command of <paramref name="sql"/> on <paramref name="connection"/>.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs <paramref name="sql"/> (no parameters) inside <paramref name="transaction"/>.</summary>
    public static void Execute(this SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Command(sql);
        command.ExecuteNonQuery();
    }
}
