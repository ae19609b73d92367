using PatientFlow.Platform.Audit;

namespace PatientFlow.Audit.Reports;

/// <summary>One access as a report shows it: ids, roles, action, outcome; never a name or a clinical value.</summary>
public sealed record AccessRow(
    long Id,
    string Chain,
    long Position,
    DateTimeOffset OccurredAt,
    string Service,
    string Subject,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Clinics,
    string Action,
    string ResourceType,
    string? ResourceId,
    IReadOnlyList<Guid> PatientIds,
    string Outcome,
    int StatusCode,
    string Route,
    string? SourceAddress,
    string? TraceId)
{
    public static AccessRow Of(AuditRecord record) => new(
        record.Id, record.Chain, record.Position, record.Entry.OccurredAt, record.Entry.Service, record.Entry.Subject,
        record.Entry.Roles, record.Entry.Clinics, AuditCanonicalForm.Name(record.Entry.Action), record.Entry.ResourceType,
        record.Entry.ResourceId, record.Entry.PatientIds, AuditCanonicalForm.Name(record.Entry.Outcome), record.Entry.StatusCode,
        record.Entry.Route, record.Entry.SourceAddress, record.Entry.TraceId);

    /// <summary>The CSV header, in the order of <see cref="CsvFields"/>.</summary>
    public static readonly string[] CsvHeader =
        ["id", "chain", "position", "occurredAt", "service", "subject", "roles", "clinics", "action", "resourceType", "resourceId",
         "patientIds", "outcome", "statusCode", "route", "sourceAddress", "traceId"];

    public IEnumerable<string> CsvFields() =>
    [
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Chain, Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), Service, Subject,
        string.Join(' ', Roles), string.Join(' ', Clinics), Action, ResourceType, ResourceId ?? "", string.Join(' ', PatientIds),
        Outcome, StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), Route, SourceAddress ?? "", TraceId ?? "",
    ];
}

/// <summary>A page of accesses, newest first; <see cref="HasMore"/> when a next page exists.</summary>
public sealed record AccessPage(IReadOnlyList<AccessRow> Items, int Page, int PageSize, bool HasMore);
