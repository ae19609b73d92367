using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.GettingDetails;

namespace PatientFlow.Scheduling.Providers.GettingDay;

/// <summary>A provider's clinic day: every slot and every appointment (walk-ins included), in time order.</summary>
public sealed record ProviderDay(
    Guid ProviderId, string Name, string Clinic, DateOnly Date, IReadOnlyList<TimeBlock> Blocks, IReadOnlyList<SlotDetails> Slots, IReadOnlyList<DayAppointment> Appointments);

/// <summary>One appointment on the day list: ids only, the front desk opens the patient for names.</summary>
public sealed record DayAppointment(
    Guid AppointmentId, Guid PatientId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string VisitType, AppointmentStatus Status, string? Room, bool Late, bool Overbooked, string BookedVia)
{
    public static DayAppointment Of(AppointmentDetails a) =>
        new(a.AppointmentId, a.PatientId, a.StartsAt, a.EndsAt, a.VisitType, a.Status, a.Room, a.MinutesLate is > 0, a.Overbooked, a.BookedVia);
}
