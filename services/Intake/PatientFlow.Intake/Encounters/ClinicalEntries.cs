namespace PatientFlow.Intake.Encounters;

// What the care team records during the visit, one event per entry. Clinical text belongs in these
// events (and in their integration contracts) and never in logs.

public sealed record ChiefComplaintRecorded(Guid VisitId, Guid PatientId, string Text, string? Onset, DateTimeOffset RecordedAt);

public enum ProblemStatus
{
    Active,
    Resolved,
}

public sealed record ProblemRecorded(Guid VisitId, Guid PatientId, string Description, string? Icd10Code, ProblemStatus Status, DateOnly? OnsetDate, DateTimeOffset RecordedAt);

public enum AllergySeverity
{
    Mild,
    Moderate,
    Severe,
}

public enum AllergyKind
{
    Drug,
    Food,
    Environment,
    Other,
}

public sealed record AllergyRecorded(
    Guid VisitId, Guid PatientId, string Substance, string Reaction, AllergySeverity Severity, AllergyKind Kind, DateTimeOffset RecordedAt);

/// <summary>The patient was asked and reports no known allergies (not the same as nobody asking).</summary>
public sealed record NoKnownAllergiesRecorded(Guid VisitId, Guid PatientId, DateTimeOffset RecordedAt);

public enum MedicationStatus
{
    Continued,
    Changed,
    Stopped,
}

/// <param name="Change">What changed (dose, frequency), when <see cref="Status"/> is changed.</param>
/// <param name="Reason">Why it was stopped, when <see cref="Status"/> is stopped.</param>
public sealed record MedicationLine(string Name, string? Dose, string? Frequency, string? RxNormCode, MedicationStatus Status, string? Change, string? Reason);

/// <summary>The current medication list reviewed with the patient: each continued, changed or stopped.</summary>
public sealed record MedicationsReconciled(Guid VisitId, Guid PatientId, IReadOnlyList<MedicationLine> Medications, DateTimeOffset ReconciledAt);

public enum AdministrationRoute
{
    IM,
    SC,
    ID,
    PO,
    IN,
    IV,
}

/// <summary>What was given from which lot, where and how much; shared by immunizations and injections.</summary>
public sealed record Administration(string Lot, DateOnly ExpiresOn, string Site, AdministrationRoute Route, decimal DoseAmount, string DoseUnit, DateTimeOffset AdministeredAt);

public sealed record ImmunizationAdministered(Guid VisitId, Guid PatientId, string CvxCode, string? Vaccine, Administration Given);

public sealed record InjectionAdministered(Guid VisitId, Guid PatientId, string Drug, string? HcpcsCode, Administration Given);

public enum InstructionKind
{
    Education,
    PostVisitCare,
}

public sealed record InstructionsGiven(Guid VisitId, Guid PatientId, InstructionKind Kind, string Topic, string Text, DateTimeOffset GivenAt);

/// <summary>Lab tests ordered for the visit; <see cref="LabOrderIds"/> are the lab service's orders for them (one order since lab orders carry several tests).</summary>
public sealed record LabTestsOrdered(Guid VisitId, Guid PatientId, IReadOnlyList<string> TestCodes, string Priority, IReadOnlyList<Guid> LabOrderIds, DateTimeOffset OrderedAt);

/// <summary>A referral requested for the visit; <see cref="ReferralId"/> is the referral service's.</summary>
public sealed record ReferralRequested(Guid VisitId, Guid PatientId, Guid ReferralId, string Kind, string Specialty, string Urgency, DateTimeOffset RequestedAt);
