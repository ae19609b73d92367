namespace PatientFlow.Contracts.Intake.V1;

/// <summary>The provider completed the encounter with its diagnoses and procedures; billing builds charges from it.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the provider completed the encounter.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The rendering provider.</param>
/// <param name="Diagnoses">ICD-10-CM diagnoses in priority order; the first is primary.</param>
/// <param name="Procedures">CPT/HCPCS procedures performed.</param>
public sealed record EncounterCompleted(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ProcedurePerformed> Procedures) : IVisitEvent;

/// <summary>One procedure performed in an encounter.</summary>
/// <param name="Code">CPT or HCPCS code, for example <c>99213</c>.</param>
/// <param name="Units">Units of service, at least 1.</param>
/// <param name="Modifiers">Up to four two-character modifiers, for example <c>25</c> or <c>LT</c>, in the order entered.</param>
public sealed record ProcedurePerformed(string Code, int Units, IReadOnlyList<string>? Modifiers = null);
