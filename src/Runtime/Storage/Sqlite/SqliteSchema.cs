namespace Reservations.Runtime.Storage.Sqlite;

/// <summary>The SQLite schema's migration steps. Times are INTEGER microseconds since the Unix epoch.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            payload TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS records (
            kind TEXT NOT NULL,
            partition_key TEXT NOT NULL,
            record_key TEXT NOT NULL,
            owner TEXT NULL,
            created_at INTEGER NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (kind, partition_key, record_key)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS records_by_partition ON records (kind, partition_key, created_at DESC, record_key);
        CREATE INDEX IF NOT EXISTS records_by_owner ON records (kind, owner, created_at DESC, partition_key, record_key);
        CREATE INDEX IF NOT EXISTS records_by_time ON records (kind, created_at DESC, partition_key, record_key);

        CREATE TABLE IF NOT EXISTS reminders (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            name TEXT NOT NULL,
            start_at INTEGER NOT NULL,
            period INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        ) WITHOUT ROWID;
        """,
    ];
}
