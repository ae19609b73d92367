using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// Appends entries to this service's chain in the audit database. Replicas of a service share its chain: each append
/// takes the chain's transaction-scoped advisory lock, reads the head, and inserts after it, so positions run 1, 2, …
/// with no gap and every record hashes its predecessor. The lock ends with the transaction: nothing is half-written.
/// <para>
/// One writer per process does the appending: what requests queued while it was writing goes into its next transaction
/// together (group commit), so concurrent requests share one lock, one head read and one commit instead of waiting for
/// each other's. A caller's <see cref="AppendAsync(IReadOnlyList{AuditEntry}, CancellationToken)"/> completes when its
/// entries are committed, and fails when the transaction carrying them fails: the caller still never answers unrecorded.
/// </para>
/// </summary>
public sealed class AuditTrail : IAsyncDisposable
{
    /// <summary>At most this many entries go into one transaction; the rest wait for the next.</summary>
    public const int MaxEntriesPerCommit = 256;

    private readonly NpgsqlDataSource auditDatabase;
    private readonly string chain;
    private readonly Channel<PendingAppend> queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task writer;

    public AuditTrail(NpgsqlDataSource auditDatabase, string chain)
    {
        this.auditDatabase = auditDatabase;
        this.chain = chain;
        writer = Task.Run(WriteQueuedAsync);
    }

    public string Chain => chain;

    public Task AppendAsync(AuditEntry entry, CancellationToken ct = default) => AppendAsync([entry], ct);

    /// <summary>
    /// Appends <paramref name="entries"/> in their order, in one transaction: all of them or none. Completes when they
    /// are committed; <paramref name="ct"/> stops the wait, not the append.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingAppend([.. entries.Select(entry => entry.Normalized())]);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AuditTrail), $"The audit trail of {chain} is closed: nothing more can be recorded.");
        }

        return pending.Committed.Task.WaitAsync(ct);
    }

    /// <summary>Writes what is still queued, then closes the connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
        await auditDatabase.DisposeAsync();
    }

    private async Task WriteQueuedAsync()
    {
        var round = new List<PendingAppend>();
        while (await queue.Reader.WaitToReadAsync())
        {
            round.Clear();
            var entries = 0;
            // One caller's entries stay together, even past the limit: they are all or none.
            while (entries < MaxEntriesPerCommit && queue.Reader.TryRead(out var next))
            {
                round.Add(next);
                entries += next.Entries.Count;
            }

            await CommitAsync(round);
        }
    }

    private async Task CommitAsync(List<PendingAppend> round)
    {
        try
        {
            await AppendInOneTransactionAsync(round.SelectMany(pending => pending.Entries).ToList());
            round.ForEach(pending => pending.Committed.TrySetResult());
        }
        catch (PostgresException) when (round.Count > 1)
        {
            // The server refused something in the round (a value it cannot store): give each caller its own transaction,
            // so only the one whose entry it was fails.
            foreach (var pending in round)
            {
                await CommitAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            round.ForEach(pending => pending.Committed.TrySetException(exception));
        }
    }

    private async Task AppendInOneTransactionAsync(List<AuditEntry> entries)
    {
        await using var connection = await auditDatabase.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockChain = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('patientflow-audit:' || $1, 0))", connection, transaction))
        {
            lockChain.Parameters.Add(new NpgsqlParameter { Value = chain });
            await lockChain.ExecuteNonQueryAsync();
        }

        var (position, previousHash) = await HeadAsync(connection, transaction);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var entry in entries)
            {
                position++;
                var hash = AuditCanonicalForm.HashOf(chain, position, entry, previousHash);
                batch.BatchCommands.Add(InsertOf(position, entry, previousHash, hash));
                previousHash = hash;
            }

            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task<(long Position, byte[] Hash)> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var head = new NpgsqlCommand(
            $"SELECT position, hash FROM {AuditSchema.Table} WHERE chain = $1 ORDER BY position DESC LIMIT 1", connection, transaction);
        head.Parameters.Add(new NpgsqlParameter { Value = chain });
        await using var reader = await head.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), (byte[])reader[1]) : (0, AuditCanonicalForm.GenesisHash);
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

    private sealed record PendingAppend(IReadOnlyList<AuditEntry> Entries)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
