using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace Reservations.Persistence.Sqlite;

/// <summary>
/// Orleans' reminder table in SQLite. Rows carry the grain's uniform hash so that each silo reads
/// the reminders of its own ring range, as Orleans asks; upserts bump the row's version (its ETag)
/// and removals check it. Writes are group-committed with everything else in the file.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    /// <summary>The schema steps of <see cref="SqliteDatabase.MigrateAsync"/>'s "reminders" module.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE orleans_reminders (
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at INTEGER NOT NULL,
            period INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)) WITHOUT ROWID;
        CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (grain_hash);
        """,
    ];

    private const string Columns = "grain_id, reminder_name, start_at, period, version";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => database.MigrateAsync("reminders", Schema);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(Query($"SELECT {Columns} FROM orleans_reminders WHERE grain_id = @grain_id", command =>
            command.Parameters.AddWithValue("@grain_id", grainId.ToString())));

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(Query(
            // (begin, end] on the ring: wrapped around zero when begin >= end (begin == end is the whole ring).
            $"SELECT {Columns} FROM orleans_reminders WHERE " + (begin < end
                ? "grain_hash > @begin AND grain_hash <= @end"
                : "grain_hash > @begin OR grain_hash <= @end"),
            command =>
            {
                command.Parameters.AddWithValue("@begin", (long)begin);
                command.Parameters.AddWithValue("@end", (long)end);
            }));

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(Query($"SELECT {Columns} FROM orleans_reminders WHERE grain_id = @grain_id AND reminder_name = @name", command =>
        {
            command.Parameters.AddWithValue("@grain_id", grainId.ToString());
            command.Parameters.AddWithValue("@name", reminderName);
        }).Reminders.SingleOrDefault());

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var version = await database.WriteAsync(transaction =>
        {
            using var command = transaction.Command("""
                INSERT INTO orleans_reminders (grain_id, reminder_name, grain_hash, start_at, period, version)
                VALUES (@grain_id, @name, @hash, @start_at, @period, 1)
                ON CONFLICT (grain_id, reminder_name) DO UPDATE
                SET start_at = excluded.start_at, period = excluded.period, version = orleans_reminders.version + 1
                RETURNING version
                """);
            command.Parameters.AddWithValue("@grain_id", entry.GrainId.ToString());
            command.Parameters.AddWithValue("@name", entry.ReminderName);
            command.Parameters.AddWithValue("@hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("@start_at", ToUtc(entry.StartAt).Ticks);
            command.Parameters.AddWithValue("@period", entry.Period.Ticks);
            return (long)command.ExecuteScalar()!;
        });
        return version.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Task.FromResult(false);
        }

        return database.WriteAsync(transaction =>
        {
            using var command = transaction.Command("DELETE FROM orleans_reminders WHERE grain_id = @grain_id AND reminder_name = @name AND version = @version");
            command.Parameters.AddWithValue("@grain_id", grainId.ToString());
            command.Parameters.AddWithValue("@name", reminderName);
            command.Parameters.AddWithValue("@version", version);
            return command.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => database.WriteAsync(transaction =>
    {
        transaction.Execute("DELETE FROM orleans_reminders");
        return true;
    });

    private ReminderTableData Query(string sql, Action<SqliteCommand> parameters) => database.Read(connection =>
    {
        using var command = connection.Command(sql);
        parameters(command);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return new ReminderTableData(entries);
    });

    private static DateTime ToUtc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
