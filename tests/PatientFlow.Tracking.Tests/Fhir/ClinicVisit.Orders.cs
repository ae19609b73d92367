using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Referral.V1;

namespace PatientFlow.Tracking.Tests.Fhir;

/// <summary>The visit's lab orders, referrals and billing.</summary>
public sealed partial record ClinicVisit
{
    public static readonly OrderedLabTest Glucose = new("2345-7", "Glucose (serum)", "blood", "in-house");
    public static readonly OrderedLabTest Hba1c = new("4548-4", "Hemoglobin A1c", "blood", "in-house");
    public static readonly OrderedLabTest Culture = new("630-4", "Urine culture", "urine", "send-out");

    public LabOrderPlaced LabOrdered(Guid orderId, int minute = 52, string priority = "urgent", params OrderedLabTest[] tests) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId, priority, tests.Length > 0 ? tests : [Glucose, Hba1c]);

    public LabOrderCancelled LabCancelled(Guid orderId, int minute, params string[] testCodes) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId, testCodes);

    public SpecimenCollected SpecimenCollected(Guid orderId, Guid specimenId, string accession, int minute = 55) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId, specimenId, accession, "blood", [Glucose.TestCode, Hba1c.TestCode]);

    public SpecimenRejected SpecimenRejected(Guid orderId, Guid specimenId, string accession, int minute, string reason = "haemolysed") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId, specimenId, accession, reason, [Glucose.TestCode, Hba1c.TestCode]);

    public LabResultRecorded LabResulted(
        Guid orderId, string testCode, string value, string unit, string flag, int minute, string? range = null, string? accession = null) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId, testCode, value, unit, flag, "82947", range, accession);

    public LabResultAmended LabAmended(Guid orderId, string testCode, string value, string unit, string flag, int minute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId, testCode, value, unit, flag, "0", "N");

    public ReferralCreated ReferralCreated(Guid referralId, int minute = 56, string urgency = "urgent") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId, "specialist", "cardiology", urgency, At(60 * 24 * 7));

    public ReferralScheduled ReferralScheduled(Guid referralId, int minute, int appointmentMinute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId, false, null, "Heart Institute", At(appointmentMinute));

    public ReferralCancelled ReferralCancelled(Guid referralId, int minute) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId);

    public ReferralLoopClosed ReferralClosed(Guid referralId, int minute) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId, "consult-report");

    public ReferralReopened ReferralReopened(Guid referralId, int minute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId, "no-show", null, At(minute + 60 * 24 * 7));

    public AuthorizationRequested AuthorizationRequested(Guid referralId, int minute) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId, "Acme Health");

    public EligibilityChecked Eligibility(int minute = 2, bool active = true, decimal copay = 25m, string stage = "check-in") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), stage, active, active ? copay : 0m, "USD",
        active ? "active" : "coverage ended 2026-01-31");

    public ClaimCreated ClaimCreated(Guid claimId, int minute = 85) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), claimId, 3, 245.50m, "USD");

    public ClaimStatusChanged ClaimStatus(Guid claimId, string status, int minute) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), claimId, status);
}
