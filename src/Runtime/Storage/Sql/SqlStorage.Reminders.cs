using System.Data.Common;
using System.Globalization;

namespace Reservations.Runtime.Storage.Sql;

/// <content>Reminders: upserts that bump the version, removals that check it.</content>
public abstract partial class SqlStorage
{
    private const string ReminderColumns = "grain_type, grain_key, name, start_at, period, version";

    private const string ReminderKey = "grain_type = @grain_type AND grain_key = @grain_key AND name = @name";

    private const string SelectReminders = $"SELECT {ReminderColumns} FROM reminders";

    private const string SelectReminder = $"SELECT {ReminderColumns} FROM reminders WHERE {ReminderKey}";

    private const string UpsertReminder = $"""
        INSERT INTO reminders ({ReminderColumns})
        VALUES (@grain_type, @grain_key, @name, @start_at, @period, @version)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE
        SET start_at = excluded.start_at, period = excluded.period, version = reminders.version + 1
        RETURNING version
        """;

    private const string DeleteReminder = $"DELETE FROM reminders WHERE {ReminderKey} AND version = @expected";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, SelectReminders);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadReminder(reader));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = ReminderCommand(connection, null, SelectReminder, grainId, name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadReminder(reader) : null;
    }

    /// <inheritdoc />
    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = ReminderCommand(connection, transaction, UpsertReminder, entry.GrainId, entry.Name);
                AddTime(command, "@start_at", entry.StartAt);
                Add(command, "@period", entry.Period.Ticks / TimeSpan.TicksPerMicrosecond);
                Add(command, "@version", NewVersion());
                var version = await command.ExecuteScalarAsync(ct);
                return FormatVersion(Convert.ToInt64(version, CultureInfo.InvariantCulture));
            },
            atomic: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRowAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken = default)
    {
        if (!TryParseVersion(etag, out var expected))
        {
            return Task.FromResult(false);
        }

        return ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = ReminderCommand(connection, transaction, DeleteReminder, grainId, name);
                Add(command, "@expected", expected);
                return await command.ExecuteNonQueryAsync(ct) == 1;
            },
            atomic: false,
            cancellationToken);
    }

    private static DbCommand ReminderCommand(DbConnection connection, DbTransaction? transaction, string sql, GrainId grainId, string name)
    {
        var command = Command(connection, transaction, sql);
        Add(command, "@grain_type", grainId.Type);
        Add(command, "@grain_key", grainId.Key);
        Add(command, "@name", name);
        return command;
    }

    // The period column holds whole microseconds.
    private ReminderEntry ReadReminder(DbDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        ReadTime(reader, 3),
        TimeSpan.FromTicks(reader.GetInt64(4) * TimeSpan.TicksPerMicrosecond),
        FormatVersion(reader.GetInt64(5)));
}
