using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments.Booking;

public sealed record BookAppointment(Guid PatientId, Guid ProviderId, Guid SlotId, string VisitType);

public static class BookAppointmentDecider
{
    /// <summary>Takes the slot on the provider's stream and books the appointment; both are appended in one transaction.</summary>
    public static (SlotBooked Slot, AppointmentBooked Appointment) Decide(
        Provider provider, BookAppointment command, Guid appointmentId, DateTimeOffset now)
    {
        var visitType = command.VisitType?.Trim();
        if (string.IsNullOrEmpty(visitType) || visitType.Length > 64)
        {
            throw new InvalidFieldException("visitType", "is required (at most 64 characters)");
        }

        var slot = provider.SlotOrThrow(command.SlotId);
        if (provider.BookedSlots.ContainsKey(slot.SlotId))
        {
            throw new ConflictException($"slot {slot.SlotId} is already booked");
        }

        return (
            new SlotBooked(provider.Id, slot.SlotId, appointmentId, now),
            new AppointmentBooked(appointmentId, command.PatientId, provider.Id, slot.SlotId, provider.Clinic, slot.StartsAt, slot.EndsAt, visitType, now, BookingChannels.FrontDesk));
    }
}
