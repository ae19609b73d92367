using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>
/// The north clinic (New York time) on Wednesday 4 March 2026 at 09:00: one provider with two 20-minute
/// slots in room EXAM-1, two ECG carts, one patient, as event histories.
/// </summary>
internal static class Schedule
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(-5));
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly Guid OtherProviderId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid AppointmentId = Guid.CreateVersion7();
    public static readonly Guid OtherAppointmentId = Guid.CreateVersion7();

    public static readonly ClinicDetails North = new(ClinicDetails.IdOf("north"), "north", "North Clinic", "America/New_York", []);
    public static readonly ResourceRegistered Room = new(Guid.CreateVersion7(), ResourceKind.Room, "EXAM-1", "Exam 1", "north", "exam-room", Now.AddDays(-9));
    public static readonly ResourceRegistered EcgA = new(Guid.CreateVersion7(), ResourceKind.Equipment, "ECG-A", "ECG cart A", "north", "ecg", Now.AddDays(-9));
    public static readonly ResourceRegistered EcgB = new(Guid.CreateVersion7(), ResourceKind.Equipment, "ECG-B", "ECG cart B", "north", "ecg", Now.AddDays(-9));

    public static readonly AppointmentTypeDetails FollowUp = new(AppointmentTypeDetails.IdOf("follow-up"), "follow-up", "Follow-up", 20, []);
    public static readonly AppointmentTypeDetails Long = new(AppointmentTypeDetails.IdOf("new-patient"), "new-patient", "New patient", 40, []);
    public static readonly AppointmentTypeDetails EcgCheck = new(AppointmentTypeDetails.IdOf("ecg-check"), "ecg-check", "ECG check", 20, ["ecg"]);

    public static readonly Slot First = new(Guid.CreateVersion7(), Now.AddHours(1), Now.AddHours(1).AddMinutes(20), Room.ResourceId);
    public static readonly Slot Second = new(Guid.CreateVersion7(), Now.AddHours(1).AddMinutes(20), Now.AddHours(1).AddMinutes(40), Room.ResourceId);

    public static readonly ProviderCreated Created = new(ProviderId, "Dr. Grey", "family-medicine", "north", Now.AddDays(-2));
    public static readonly SlotsOpened Opened = new(ProviderId, [First, Second], Now.AddDays(-2));
    public static readonly PatientRegistered Registered = new(PatientId, "MRN-1", "Ada", "Example", new DateOnly(1980, 4, 12), Sex.Female, null, "W123", Now.AddDays(-30));

    public static SlotBooked Taken(Slot slot, Guid appointmentId) => new(ProviderId, slot.SlotId, appointmentId, Now.AddMinutes(-5));

    public static readonly AppointmentBooked Booked = new(
        AppointmentId, PatientId, ProviderId, First.SlotId, "north", First.StartsAt, First.EndsAt, "follow-up", Now.AddDays(-1), "front-desk");

    public static PatientCheckedIn Arrived(DateTimeOffset at) => new(AppointmentId, PatientId, ProviderId, "north", at, true, "W123");

    public static PatientCheckedOut Departed(DateTimeOffset at) => new(AppointmentId, PatientId, at);

    public static PatientDetails Patient => PatientDetails.Create(Registered);
}
