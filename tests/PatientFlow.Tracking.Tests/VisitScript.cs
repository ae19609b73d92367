using PatientFlow.Contracts;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Referral.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Tests;

/// <summary>
/// Integration events of one visit as the other services would publish them. Clinic times are
/// minutes after <see cref="ArrivalAt"/>; each event is recorded a minute after it happened.
/// </summary>
public sealed record VisitScript(Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset ArrivalAt)
{
    public static VisitScript New(string clinic, DateTimeOffset arrivalAt) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), clinic, arrivalAt);

    public DateTimeOffset At(int minutes) => ArrivalAt.AddMinutes(minutes);

    // Booked the day before.
    public AppointmentBooked Booked() => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(-24 * 60), At(-24 * 60 + 1), ProviderId, Guid.CreateVersion7(), Clinic,
        At(0), At(30), "follow-up");

    public PatientCheckedIn CheckedIn(int minute = 0) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, Clinic);

    public EncounterOpened EncounterOpened(int minute = 1) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId);

    public PatientRoomed Roomed(int minute = 10, string room = "EXAM-3") =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), room);

    public VitalsRecorded Vitals(int minute = 20) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1),
        [new VitalSignObservation("8867-4", "Heart rate", 72m, "/min", false)]);

    public EncounterCompleted EncounterCompleted(int minute = 50) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, ["J06.9"], [new ProcedurePerformed("99213", 1)]);

    public LabOrderPlaced LabOrdered(int minute = 52) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), Guid.CreateVersion7(), "routine",
        [new OrderedLabTest("2345-7", "Glucose", "blood", "in-house")]);

    public LabOrderPlaced LabOrdered(Guid orderId, int minute) => LabOrdered(minute) with { OrderId = orderId };

    public LabResultRecorded LabResulted(int minute = 70, Guid? orderId = null) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId ?? Guid.CreateVersion7(), "2345-7", "95", "mg/dL", "normal", "82947");

    public LabOrderCancelled LabCancelled(Guid orderId, int minute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), orderId, ["2345-7"]);

    public ProviderEncounterStarted ProviderStarted(int minute = 30) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId);

    public NoShowRecorded NoShow(int minute = 15) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, At(0));

    public LateArrivalFlagged LateArrival(int minute) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), At(0), minute);

    public AppointmentCancelled Cancelled(int minute = -60) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, "patient called");

    public ReferralCreated ReferralCreated(Guid referralId, int minute) => ReferralCreated(minute) with { ReferralId = referralId };

    public ReferralLoopClosed ReferralClosed(Guid referralId, int minute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId, "consult-report");

    public ReferralCancelled ReferralCancelled(Guid referralId, int minute) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), referralId);

    public ReferralCreated ReferralCreated(int minute = 55) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), Guid.CreateVersion7(), "specialist", "cardiology", "routine");

    public PatientCheckedOut CheckedOut(int minute = 80) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1));

    public ClaimCreated ClaimCreated(int minute = 85) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), Guid.CreateVersion7(), 2, 180.50m, "USD");

    /// <summary>The arrival was entered as <paramref name="wrongMinute"/>; recorded at <paramref name="recordedMinute"/>, it really was <paramref name="rightMinute"/>.</summary>
    public ArrivalTimeCorrected ArrivalCorrected(int wrongMinute, int rightMinute, int recordedMinute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(rightMinute), At(recordedMinute), At(wrongMinute), "entered late");

    public VitalsCorrected VitalsCorrected(Guid correctedEventId, int minute, int recordedMinute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(recordedMinute), correctedEventId,
        [new VitalSignObservation("8867-4", "Heart rate", 80m, "/min", false)], "typed 180 for 80");

    /// <summary>A whole visit, in clinic-time order.</summary>
    public IReadOnlyList<IVisitEvent> FullVisit() =>
    [
        Booked(), CheckedIn(), EncounterOpened(), Roomed(), Vitals(), EncounterCompleted(),
        LabOrdered(), LabResulted(), CheckedOut(), ClaimCreated(),
    ];

    /// <summary>The contract names of <see cref="FullVisit"/>, in clinic-time order.</summary>
    public static readonly string[] FullVisitEventTypes =
    [
        "scheduling.appointment-booked.v1", "scheduling.patient-checked-in.v1", "intake.encounter-opened.v1",
        "intake.patient-roomed.v1", "intake.vitals-recorded.v1", "intake.encounter-completed.v1",
        "lab.lab-order-placed.v1", "lab.lab-result-recorded.v1", "scheduling.patient-checked-out.v1",
        "billing.claim-created.v1",
    ];
}
