using Npgsql;
using NpgsqlTypes;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// Appends entries to this service's chain in the audit database. Replicas of a service share its chain: each append
/// takes the chain's transaction-scoped advisory lock, reads the head, and inserts after it, so positions run 1, 2, …
/// with no gap and every record hashes its predecessor. The lock ends with the transaction: nothing is half-written.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource auditDatabase, string chain) : IAsyncDisposable
{
    public string Chain => chain;

    public Task AppendAsync(AuditEntry entry, CancellationToken ct = default) => AppendAsync([entry], ct);

    public ValueTask DisposeAsync() => auditDatabase.DisposeAsync();

    /// <summary>Appends <paramref name="entries"/> in one transaction, in their order: all of them or none.</summary>
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await auditDatabase.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockChain = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('patientflow-audit:' || $1, 0))", connection, transaction))
        {
            lockChain.Parameters.Add(new NpgsqlParameter { Value = chain });
            await lockChain.ExecuteNonQueryAsync(ct);
        }

        var (position, previousHash) = await HeadAsync(connection, transaction, ct);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var raw in entries)
            {
                var entry = raw.Normalized();
                position++;
                var hash = AuditCanonicalForm.HashOf(chain, position, entry, previousHash);
                batch.BatchCommands.Add(InsertOf(position, entry, previousHash, hash));
                previousHash = hash;
            }

            await batch.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task<(long Position, byte[] Hash)> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var head = new NpgsqlCommand(
            $"SELECT position, hash FROM {AuditSchema.Table} WHERE chain = $1 ORDER BY position DESC LIMIT 1", connection, transaction);
        head.Parameters.Add(new NpgsqlParameter { Value = chain });
        await using var reader = await head.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), (byte[])reader[1]) : (0, AuditCanonicalForm.GenesisHash);
    }

    private NpgsqlBatchCommand InsertOf(long position, AuditEntry entry, byte[] previousHash, byte[] hash) => new($"""
        INSERT INTO {AuditSchema.Table} (chain, position, occurred_at, service, subject, roles, clinics, action, resource_type, resource_id,
            patient_ids, outcome, status_code, route, source_address, trace_id, previous_hash, hash)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        """)
    {
        Parameters =
        {
            new() { Value = chain },
            new() { Value = position },
            new() { Value = entry.OccurredAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new() { Value = entry.Service },
            new() { Value = entry.Subject },
            new() { Value = entry.Roles.ToArray() },
            new() { Value = entry.Clinics.ToArray() },
            new() { Value = AuditCanonicalForm.Name(entry.Action) },
            new() { Value = entry.ResourceType },
            new() { Value = (object?)entry.ResourceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = entry.PatientIds.ToArray() },
            new() { Value = AuditCanonicalForm.Name(entry.Outcome) },
            new() { Value = entry.StatusCode },
            new() { Value = entry.Route },
            new() { Value = (object?)entry.SourceAddress ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)entry.TraceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = previousHash },
            new() { Value = hash },
        },
    };
}
