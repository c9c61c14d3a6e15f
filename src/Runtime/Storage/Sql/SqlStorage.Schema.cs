using System.Globalization;

namespace Reservations.Runtime.Storage.Sql;

/// <content>Migration: ordered steps, each applied once, under a lock that serialises processes.</content>
public abstract partial class SqlStorage
{
    private const string CreateSchemaVersion = "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY)";

    private const string SelectSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    private const string InsertSchemaVersion = "INSERT INTO schema_version (version) VALUES (@version)";

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockSchemaAsync(connection, transaction, cancellationToken);
        await using (var create = Command(connection, transaction, CreateSchemaVersion))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var select = Command(connection, transaction, SelectSchemaVersion))
        {
            current = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        for (var step = current; step < MigrationSteps.Count; step++)
        {
            await using var apply = Command(connection, transaction, MigrationSteps[step]);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            await using var record = Command(connection, transaction, InsertSchemaVersion);
            Add(record, "@version", step + 1);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
