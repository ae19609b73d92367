using Npgsql;

namespace PatientFlow.Platform.Audit;

/// <summary>What broke a chain, at the first record where it shows.</summary>
public enum AuditBreakKind
{
    /// <summary>The record's content no longer hashes to its stored hash: it was edited.</summary>
    Changed,

    /// <summary>Positions jump: the records between were removed.</summary>
    Deleted,

    /// <summary>The record is intact but does not follow its predecessor: it was put in, or the one before it replaced.</summary>
    Inserted,
}

/// <summary>The first break in a chain: where (chain, position, row id) and what.</summary>
public sealed record AuditBreak(string Chain, long Position, long RecordId, AuditBreakKind Kind, string Detail);

/// <summary>A chain's last record, to keep outside the database and compare at the next verification.</summary>
public sealed record AuditChainHead(string Chain, long Position, string Hash);

/// <summary>The outcome of a walk over every chain: records checked, each chain's head, the first break if any.</summary>
public sealed record AuditVerification(long Checked, IReadOnlyList<AuditChainHead> Heads, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Walks every chain in position order, recomputing each record's hash from its stored content and its predecessor's
/// hash (<see cref="AuditCanonicalForm"/>); reports the first record where the chain breaks.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyAsync(NpgsqlDataSource auditDatabase, CancellationToken ct = default)
    {
        long count = 0;
        var heads = new List<AuditChainHead>();
        AuditBreak? firstBreak = null;
        string? chain = null;
        long expectedPosition = 0;
        var previousHash = AuditCanonicalForm.GenesisHash;

        await foreach (var record in AuditRecords.ReadAllAsync(auditDatabase, ct))
        {
            if (record.Chain != chain)
            {
                CloseChain();
                chain = record.Chain;
                expectedPosition = 1;
                previousHash = AuditCanonicalForm.GenesisHash;
            }

            count++;
            firstBreak ??= BreakAt(record, expectedPosition, previousHash);
            expectedPosition = record.Position + 1;
            previousHash = record.Hash;
        }

        CloseChain();
        return new AuditVerification(count, heads, firstBreak);

        void CloseChain()
        {
            if (chain is not null)
            {
                heads.Add(new AuditChainHead(chain, expectedPosition - 1, Convert.ToHexStringLower(previousHash)));
            }
        }
    }

    private static AuditBreak? BreakAt(AuditRecord record, long expectedPosition, byte[] previousHash)
    {
        var recomputed = AuditCanonicalForm.HashOf(record.Chain, record.Position, record.Entry, record.PreviousHash);
        if (!recomputed.AsSpan().SequenceEqual(record.Hash))
        {
            return new AuditBreak(record.Chain, record.Position, record.Id, AuditBreakKind.Changed, "its content does not hash to its stored hash");
        }

        if (record.Position != expectedPosition)
        {
            return new AuditBreak(record.Chain, record.Position, record.Id, AuditBreakKind.Deleted,
                $"positions {expectedPosition} to {record.Position - 1} are missing");
        }

        return record.PreviousHash.AsSpan().SequenceEqual(previousHash) ? null
            : new AuditBreak(record.Chain, record.Position, record.Id, AuditBreakKind.Inserted, "it does not carry the hash of the record before it");
    }
}
