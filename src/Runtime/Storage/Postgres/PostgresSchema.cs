namespace Reservations.Runtime.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema's migration steps. Keys use the "C" collation so that ORDER BY and the
/// keyset cursor compare by code point, as the other providers do.
/// </summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type text COLLATE "C" NOT NULL,
            grain_key text COLLATE "C" NOT NULL,
            state_name text COLLATE "C" NOT NULL,
            payload text NOT NULL,
            version bigint NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );

        CREATE TABLE IF NOT EXISTS records (
            kind text COLLATE "C" NOT NULL,
            partition_key text COLLATE "C" NOT NULL,
            record_key text COLLATE "C" NOT NULL,
            owner text COLLATE "C" NULL,
            created_at timestamptz NOT NULL,
            payload text NOT NULL,
            PRIMARY KEY (kind, partition_key, record_key)
        );
        CREATE INDEX IF NOT EXISTS records_by_partition ON records (kind, partition_key, created_at DESC, record_key);
        CREATE INDEX IF NOT EXISTS records_by_owner ON records (kind, owner, created_at DESC, partition_key, record_key);
        CREATE INDEX IF NOT EXISTS records_by_time ON records (kind, created_at DESC, partition_key, record_key);

        CREATE TABLE IF NOT EXISTS reminders (
            grain_type text COLLATE "C" NOT NULL,
            grain_key text COLLATE "C" NOT NULL,
            name text COLLATE "C" NOT NULL,
            start_at timestamptz NOT NULL,
            period bigint NOT NULL,
            version bigint NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        );
        """,
    ];
}
