using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Cancelling;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using PatientFlow.Scheduling.Appointments.CorrectingArrival;
using PatientFlow.Scheduling.Appointments.NoShows;
using PatientFlow.Scheduling.Appointments.Reminders;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Given(appointment events).When(command).Then(events) over one appointment (visit).</summary>
internal static class AppointmentSpec
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(20);

    public static Spec<Appointment> Given(params object[] history) => Spec<Appointment>.Given(history);

    public static DecisionOutcome When(this Spec<Appointment> spec, CheckIn command, DateTimeOffset? now = null) =>
        new(() => CheckInDecider.Decide(spec.State, Schedule.Patient, command, LateAfter, now ?? Schedule.Now));

    public static DecisionOutcome When(this Spec<Appointment> spec, CheckOut command) => new(() => [CheckOutDecider.Decide(spec.State, command, Schedule.Now)]);

    public static DecisionOutcome When(this Spec<Appointment> spec, CorrectArrivalTime command) => new(() => [CorrectArrivalTimeDecider.Decide(spec.State, command, Schedule.Now)]);

    public static DecisionOutcome When(this Spec<Appointment> spec, CancelAppointment command) => new(() =>
    {
        var (cancelled, release) = CancelAppointmentDecider.Decide(spec.State, command, Schedule.Now);
        return [cancelled, .. release.Slots, release.Patient, .. release.Resources];
    });

    public static DecisionOutcome WhenSweptAt(this Spec<Appointment> spec, DateTimeOffset now) => new(() => NoShowDecider.Decide(spec.State, Grace, now) is { } noShow ? [noShow] : []);

    public static DecisionOutcome WhenRemindersCheckedAt(this Spec<Appointment> spec, DateTimeOffset now, params TimeSpan[] offsets) =>
        new(() => [.. ReminderDecider.Decide(spec.State, offsets, now)]);
}
