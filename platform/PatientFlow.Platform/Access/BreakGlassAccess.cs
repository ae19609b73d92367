using JasperFx;

namespace PatientFlow.Platform.Access;

/// <summary>
/// A clinician opened a record outside their clinics, stating why: kept for the privacy officer's review. The reason is
/// stored here only (it may name the patient's condition), never written to a log.
/// </summary>
/// <param name="Resource">The route template and the record's id, e.g. <c>GET /api/intake/encounters/{visitId}/ 0190…</c>.</param>
public sealed record BreakGlassAccess(
    [property: Identity] Guid AccessId,
    string Subject,
    IReadOnlyList<string> Roles,
    Guid? PatientId,
    IReadOnlyList<string> Clinics,
    string Resource,
    string Reason,
    string? CorrelationId,
    DateTimeOffset At);
