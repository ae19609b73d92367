using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Tests.Fhir;

/// <summary>
/// One visit's integration events, written by hand with the contract records. Clinic times are minutes after
/// <see cref="ArrivalAt"/>; each event is recorded a minute after it happened unless a test says otherwise.
/// </summary>
public sealed partial record ClinicVisit(Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset ArrivalAt)
{
    public static ClinicVisit New() =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "north", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public DateTimeOffset At(int minute) => ArrivalAt.AddMinutes(minute);

    public static readonly VitalSignObservation Systolic = new("8480-6", "systolic-bp", 128m, "mm[Hg]", false);
    public static readonly VitalSignObservation Diastolic = new("8462-4", "diastolic-bp", 84m, "mm[Hg]", false);
    public static readonly VitalSignObservation HeartRate = new("8867-4", "heart-rate", 112m, "/min", true);
    public static readonly VitalSignObservation Temperature = new("8310-5", "body-temperature", 37.2m, "Cel", false);

    public AppointmentBooked Booked(string visitType = "follow-up", string? room = "EXAM-1") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(-24 * 60), At(-24 * 60 + 1), ProviderId, Guid.CreateVersion7(), Clinic,
        At(0), At(30), visitType, "front-desk", room);

    public AppointmentBooked WalkInBooked(int minute = 0) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, Guid.Empty, Clinic, At(minute), At(minute + 20),
        "new-patient", "walk-in");

    public AppointmentRescheduled Rescheduled(int minute, int startsAtMinute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, Guid.CreateVersion7(), Clinic,
        At(startsAtMinute), At(startsAtMinute + 30), At(0), "EXAM-2");

    public PatientCheckedIn CheckedIn(int minute = 0, string? payer = "Acme Health", string? memberId = "ACM-1", bool walkIn = false) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, Clinic, walkIn, memberId, payer);

    public ArrivalTimeCorrected ArrivalCorrected(int rightMinute, int recordedMinute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(rightMinute), At(recordedMinute), At(0), "entered late");

    public AppointmentCancelled Cancelled(int minute = -60) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, "patient called, car trouble");

    public NoShowRecorded NoShow(int minute = 15) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, At(0));

    public EncounterOpened EncounterOpened(int minute = 1) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId);

    public PatientRoomed Roomed(int minute = 10, string room = "EXAM-3", string? previousRoom = null) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), room, previousRoom);

    public ChiefComplaintRecorded ChiefComplaint(int minute = 12, string text = "cough for three days") =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), text, "3 days ago");

    public VitalsRecorded Vitals(int minute = 20, params VitalSignObservation[] observations) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1),
        observations.Length > 0 ? observations : [Systolic, Diastolic, HeartRate, Temperature]);

    public VitalsCorrected VitalsCorrected(Guid correctedEventId, int minute, int recordedMinute, params VitalSignObservation[] observations) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(recordedMinute), correctedEventId, observations, "typed 112 for 72");

    public EntryEnteredInError EnteredInError(Guid entryEventId, string kind, int minute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), entryEventId, kind, "wrong patient");

    public ProviderEncounterStarted ProviderStarted(int minute = 30) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId);

    public EncounterCompleted EncounterCompleted(int minute = 50) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1), ProviderId, ["J06.9", "R05.9"],
        [new ProcedurePerformed("99213", 1, ["25"]), new ProcedurePerformed("J1885", 2)]);

    public PatientCheckedOut CheckedOut(int minute = 80) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), At(minute + 1));
}
