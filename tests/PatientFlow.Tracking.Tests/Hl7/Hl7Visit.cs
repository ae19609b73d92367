using PatientFlow.Contracts;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>
/// One visit's events for the HL7 tests. Clinic times are minutes after the scheduled start in the clinic's own
/// offset (UTC-5); the platform records each a minute and a few seconds later, in UTC, so no test can pass by
/// mixing up the two times or dropping an offset.
/// </summary>
public sealed record Hl7Visit(Guid VisitId, Guid PatientId, Guid ProviderId, Guid OrderId, string Clinic, DateTimeOffset StartsAt)
{
    public static readonly TimeSpan ClinicOffset = TimeSpan.FromHours(-5);

    public static Hl7Visit New(string clinic = "north") => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), clinic,
        new DateTimeOffset(2026, 11, 23, 9, 15, 0, ClinicOffset));

    public DateTimeOffset At(int minutes) => StartsAt.AddMinutes(minutes);

    public DateTimeOffset RecordedAt(int minutes) => At(minutes).AddSeconds(67).ToUniversalTime();

    public AppointmentBooked Booked(string visitType = "follow-up", string? bookedVia = "front-desk") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(-2880), RecordedAt(-2880), ProviderId, Guid.CreateVersion7(), Clinic,
        At(0), At(30), visitType, bookedVia, "EXAM-1");

    public AppointmentRescheduled Rescheduled(Guid providerId, string clinic, int toMinute) => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(-1440), RecordedAt(-1440), providerId, Guid.CreateVersion7(), clinic,
        At(toMinute), At(toMinute + 45), At(0), "EXAM-9");

    public AppointmentCancelled Cancelled(string reason) => new(Guid.CreateVersion7(), VisitId, PatientId, At(-60), RecordedAt(-60), ProviderId, reason);

    public NoShowRecorded NoShow() => new(Guid.CreateVersion7(), VisitId, PatientId, At(20), RecordedAt(20), ProviderId, At(0));

    public PatientCheckedIn CheckedIn(int minute = -5, bool walkIn = false) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), RecordedAt(minute), ProviderId, Clinic, walkIn);

    public ArrivalTimeCorrected ArrivalCorrected(int wrongMinute, int rightMinute, string reason = "entered late") =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(rightMinute), RecordedAt(40), At(wrongMinute), reason);

    public PatientRoomed Roomed(string room, string? previousRoom = null, int minute = 5) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), RecordedAt(minute), room, previousRoom);

    public ProviderEncounterStarted ProviderStarted(Guid providerId) =>
        new(Guid.CreateVersion7(), VisitId, PatientId, At(15), RecordedAt(15), providerId);

    public PatientCheckedOut CheckedOut(int minute = 50) => new(Guid.CreateVersion7(), VisitId, PatientId, At(minute), RecordedAt(minute));

    public LabOrderPlaced LabOrdered() => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(25), RecordedAt(25), OrderId, "routine",
        [new OrderedLabTest("2345-7", "Glucose", "blood", "in-house"), new OrderedLabTest("5778-6", "Color of Urine", "urine", "in-house")]);

    public SpecimenCollected SpecimenCollected(string accessionId = "ACC-1001") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(28), RecordedAt(28), OrderId, Guid.CreateVersion7(), accessionId, "blood", ["2345-7"]);

    public LabResultRecorded Resulted(string testCode = "2345-7", string value = "95", string unit = "mg/dL", string flag = "N", string? range = "70-99") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(70), RecordedAt(70), OrderId, testCode, value, unit, flag, "82947", range);

    public LabResultAmended Amended(string value = "59", string flag = "L") => new(
        Guid.CreateVersion7(), VisitId, PatientId, At(200), RecordedAt(200), OrderId, "2345-7", value, "mg/dL", flag, "95", "N");

    /// <summary>The message <paramref name="e"/> becomes after <paramref name="earlier"/>, and what the strict parser reads in it.</summary>
    public static (Hl7Message Message, Er7Message Parsed) Send(IVisitEvent e, params IVisitEvent[] earlier) => Send(new Hl7Options(), e, earlier);

    public static (Hl7Message Message, Er7Message Parsed) Send(Hl7Options options, IVisitEvent e, params IVisitEvent[] earlier)
    {
        var context = earlier.Aggregate(Hl7VisitContext.Empty, (visit, before) => visit.Apply(before));
        var message = Hl7Translator.For(e, context, options) ?? throw new InvalidOperationException($"{e.GetType().Name} has no message");
        return (message, Er7Parser.Parse(message.Text));
    }
}
