using JasperFx.Events;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Claims;
using PatientFlow.Contracts;
using PatientFlow.Platform.Messaging;
using V1 = PatientFlow.Contracts.Billing.V1;

namespace PatientFlow.Billing.Integration;

/// <summary>
/// What billing tells the platform: eligibility answers for a visit, the drafted claim and each change of the claim's
/// status. Charges, copay payments and the claim's coding stay inside billing.
/// </summary>
public sealed class BillingEventRelay : IIntegrationEventMapper
{
    // The claim stream's id is the claim id, so the visit comes from the event itself.
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        ClaimCreated created => new V1.ClaimCreated(
            committed.Id, created.VisitId, created.PatientId, created.CreatedAt, committed.Timestamp,
            created.ClaimId, created.Lines.Count, created.TotalCharge, created.Currency),
        EligibilityRecorded e => new V1.EligibilityChecked(
            committed.Id, e.VisitId, e.PatientId, e.CheckedAt, committed.Timestamp, e.Stage == EligibilityStage.CheckIn ? "check-in" : "booking",
            e.Active, e.Copay, e.Currency ?? "", e.Reason),
        ClaimSubmitted e => Status(committed, e.ClaimId, e.VisitId, e.PatientId, e.SubmittedAt, "submitted"),
        ClaimAccepted e => Status(committed, e.ClaimId, e.VisitId, e.PatientId, e.AcceptedAt, "accepted"),
        ClaimRejected e => Status(committed, e.ClaimId, e.VisitId, e.PatientId, e.RejectedAt, "rejected"),
        ClaimAdjudicated e => Status(
            committed, e.ClaimId, e.VisitId, e.PatientId, e.PostedAt,
            e.Outcome switch { ClaimOutcome.Paid => "paid", ClaimOutcome.PartiallyPaid => "partially-paid", _ => "denied" }, e.Paid, e.PatientResponsibility),
        ClaimAppealed e => Status(committed, e.ClaimId, e.VisitId, e.PatientId, e.AppealedAt, "appealed"),
        ClaimReplacementStarted e => Status(committed, e.ClaimId, e.VisitId, e.PatientId, e.At, "corrected"),
        _ => null,
    };

    private static V1.ClaimStatusChanged Status(
        IEvent committed, Guid claimId, Guid visitId, Guid patientId, DateTimeOffset at, string status, decimal? paid = null, decimal? patientShare = null) =>
        new(committed.Id, visitId, patientId, at, committed.Timestamp, claimId, status, paid, patientShare);
}
