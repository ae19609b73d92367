using Npgsql;
using NpgsqlTypes;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Audit.Reports;

/// <summary>
/// Which accesses a report asks for: those to one patient's data, or by one user, within [from, to), a page of them.
/// A patient's accesses are found through the GIN index on the records' patient ids.
/// </summary>
public sealed record AccessQuery(Guid? PatientId, string? Subject, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
{
    public const int MaxPageSize = 1000;

    public static AccessQuery Of(Guid? patientId, string? subject, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize)
    {
        if (page is < 1)
        {
            throw new InvalidFieldException("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new InvalidFieldException("pageSize", $"must be between 1 and {MaxPageSize}");
        }

        if (from is { } start && to is { } end && end <= start)
        {
            throw new InvalidFieldException("to", "must be after from");
        }

        if (subject is { Length: 0 or > 200 })
        {
            throw new InvalidFieldException("subject", "must be 1 to 200 characters");
        }

        return new AccessQuery(patientId, subject, from, to, page ?? 1, pageSize ?? 100);
    }

    public async Task<AccessPage> RunAsync(NpgsqlDataSource auditDatabase, CancellationToken ct)
    {
        await using var command = auditDatabase.CreateCommand($"""
            SELECT {AuditRecords.Columns} FROM {AuditSchema.Table}
            WHERE ($1::uuid IS NULL OR patient_ids @> ARRAY[$1::uuid])
              AND ($2::text IS NULL OR subject = $2)
              AND ($3::timestamptz IS NULL OR occurred_at >= $3)
              AND ($4::timestamptz IS NULL OR occurred_at < $4)
            ORDER BY occurred_at DESC, id DESC
            LIMIT $5 OFFSET $6
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)PatientId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Subject ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)From?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)To?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = PageSize + 1 });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(Page - 1) * PageSize });
        var rows = new List<AccessRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(AccessRow.Of(AuditRecords.Read(reader)));
        }

        return new AccessPage([.. rows.Take(PageSize)], Page, PageSize, rows.Count > PageSize);
    }
}
