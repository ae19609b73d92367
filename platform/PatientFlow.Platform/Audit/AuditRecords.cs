using System.Runtime.CompilerServices;
using Npgsql;

namespace PatientFlow.Platform.Audit;

/// <summary>Reads records back as stored, for verification and reports.</summary>
public static class AuditRecords
{
    public const string Columns =
        "id, chain, position, occurred_at, service, subject, roles, clinics, action, resource_type, resource_id, patient_ids, outcome, status_code, route, source_address, trace_id, previous_hash, hash";

    /// <summary>Every record, chain by chain, in position order, streamed.</summary>
    public static async IAsyncEnumerable<AuditRecord> ReadAllAsync(NpgsqlDataSource auditDatabase, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = auditDatabase.CreateCommand($"SELECT {Columns} FROM {AuditSchema.Table} ORDER BY chain, position");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    public static AuditRecord Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        new AuditEntry(
            new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetFieldValue<string[]>(6),
            reader.GetFieldValue<string[]>(7),
            AuditCanonicalForm.ActionNamed(reader.GetString(8)),
            reader.GetString(9),
            reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.GetFieldValue<Guid[]>(11),
            AuditCanonicalForm.OutcomeNamed(reader.GetString(12)),
            reader.GetInt32(13),
            reader.GetString(14),
            reader.IsDBNull(15) ? null : reader.GetString(15),
            reader.IsDBNull(16) ? null : reader.GetString(16)),
        reader.GetFieldValue<byte[]>(17),
        reader.GetFieldValue<byte[]>(18));
}
