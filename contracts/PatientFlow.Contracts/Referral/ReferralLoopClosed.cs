namespace PatientFlow.Contracts.Referral.V1;

/// <summary>The consult report, imaging result or discharge summary was received: the referral is complete.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the report was received.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="ReportKind"><c>consult-report</c>, <c>imaging-result</c> or <c>discharge-summary</c>.</param>
public sealed record ReferralLoopClosed(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    string ReportKind) : IVisitEvent;
