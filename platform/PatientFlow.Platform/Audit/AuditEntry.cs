namespace PatientFlow.Platform.Audit;

/// <summary>
/// One access to protected health information, as the audit trail keeps it: who (token subject, roles, clinics), what
/// (action, resource, the patients concerned), when, how it ended, from where, in which trace. Ids only: never a name or
/// a clinical value.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset OccurredAt,
    string Service,
    string Subject,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Clinics,
    AuditAction Action,
    string ResourceType,
    string? ResourceId,
    IReadOnlyList<Guid> PatientIds,
    AuditOutcome Outcome,
    int StatusCode,
    string Route,
    string? SourceAddress,
    string? TraceId)
{
    /// <summary>The same entry in the form it is hashed and stored in: sorted, distinct lists; time to PostgreSQL's microsecond.</summary>
    public AuditEntry Normalized() => this with
    {
        OccurredAt = new DateTimeOffset(OccurredAt.UtcTicks - OccurredAt.UtcTicks % 10, TimeSpan.Zero),
        Roles = [.. Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        Clinics = [.. Clinics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        PatientIds = [.. PatientIds.Where(id => id != Guid.Empty).Distinct().Order()],
    };

    public static AuditOutcome OutcomeOf(int statusCode) => statusCode switch
    {
        < 400 => AuditOutcome.Success,
        401 or 403 or 404 => AuditOutcome.Refused,
        _ => AuditOutcome.Failed,
    };
}

/// <summary>An entry in its chain: its position (1, 2, …), the hash of the record before it and its own.</summary>
public sealed record AuditRecord(long Id, string Chain, long Position, AuditEntry Entry, byte[] PreviousHash, byte[] Hash);
