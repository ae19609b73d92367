using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>One provider with two slots in the north clinic and one patient, as event histories.</summary>
internal static class Schedule
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(-5));
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid AppointmentId = Guid.CreateVersion7();
    public static readonly Slot First = new(Guid.CreateVersion7(), Now.AddHours(1), Now.AddHours(1).AddMinutes(20));
    public static readonly Slot Second = new(Guid.CreateVersion7(), Now.AddHours(1).AddMinutes(20), Now.AddHours(1).AddMinutes(40));

    public static readonly ProviderCreated Created = new(ProviderId, "Dr. Grey", "family-medicine", "north", Now.AddDays(-2));
    public static readonly SlotsOpened Opened = new(ProviderId, [First, Second], Now.AddDays(-2));

    public static SlotBooked Taken(Slot slot, Guid appointmentId) => new(ProviderId, slot.SlotId, appointmentId, Now.AddMinutes(-5));

    public static readonly AppointmentBooked Booked = new(
        AppointmentId, PatientId, ProviderId, First.SlotId, "north", First.StartsAt, First.EndsAt, "follow-up", Now.AddDays(-1), "front-desk");

    public static PatientCheckedIn Arrived(DateTimeOffset at) => new(AppointmentId, PatientId, ProviderId, "north", at);

    public static PatientCheckedOut Departed(DateTimeOffset at) => new(AppointmentId, PatientId, at);
}
