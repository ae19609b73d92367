using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>A provider with two slots and a booked appointment, as histories for Given(...).</summary>
internal static class ScheduleSpec
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(-5));
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid AppointmentId = Guid.CreateVersion7();
    public static readonly Slot First = new(Guid.CreateVersion7(), Now.AddHours(1), Now.AddHours(1).AddMinutes(20));
    public static readonly Slot Second = new(Guid.CreateVersion7(), Now.AddHours(1).AddMinutes(20), Now.AddHours(1).AddMinutes(40));

    public static Provider GivenProvider(params object[] history)
    {
        var provider = Provider.Create(new ProviderCreated(ProviderId, "Dr. Grey", "family-medicine", "north", Now.AddDays(-1)));
        provider = provider.Apply(new SlotsOpened(ProviderId, [First, Second], Now.AddDays(-1)));
        foreach (var @event in history)
        {
            provider = @event switch
            {
                SlotsOpened opened => provider.Apply(opened),
                SlotBooked booked => provider.Apply(booked),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} is not a provider event"),
            };
        }

        return provider;
    }

    public static readonly AppointmentBooked Booked = new(
        AppointmentId, PatientId, ProviderId, First.SlotId, "north", First.StartsAt, First.EndsAt, "follow-up", Now.AddDays(-1));

    public static Appointment GivenAppointment(params object[] laterHistory)
    {
        var appointment = Appointment.Create(Booked);
        foreach (var @event in laterHistory)
        {
            appointment = @event switch
            {
                PatientCheckedIn checkedIn => appointment.Apply(checkedIn),
                PatientCheckedOut checkedOut => appointment.Apply(checkedOut),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} is not an appointment event"),
            };
        }

        return appointment;
    }
}
