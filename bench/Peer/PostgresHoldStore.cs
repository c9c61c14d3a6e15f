using Npgsql;

namespace Reservations.Peer;

/// <summary>The seats table on PostgreSQL through one pooled data source; each statement commits on its own.</summary>
internal sealed class PostgresHoldStore(string connectionString) : IHoldStore
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task CreateSchemaAsync()
    {
        await using var command = _source.CreateCommand(
            "CREATE TABLE IF NOT EXISTS peer_seats (id text PRIMARY KEY, holder text, held_until timestamptz)");
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<string>> SeedAsync(string prefix, IReadOnlyList<string> seatNumbers)
    {
        var ids = seatNumbers.Select(number => $"{prefix}:{number}").ToArray();
        await using var command = _source.CreateCommand("INSERT INTO peer_seats (id) SELECT unnest(@ids) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("ids", ids);
        await command.ExecuteNonQueryAsync();
        return ids;
    }

    public async Task<bool> TryHoldAsync(string seatId, string holder, DateTimeOffset heldUntil)
    {
        await using var command = _source.CreateCommand(
            "UPDATE peer_seats SET holder = @u, held_until = @t WHERE id = @id AND (holder IS NULL OR held_until < now())");
        command.Parameters.AddWithValue("u", holder);
        command.Parameters.AddWithValue("t", heldUntil);
        command.Parameters.AddWithValue("id", seatId);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
