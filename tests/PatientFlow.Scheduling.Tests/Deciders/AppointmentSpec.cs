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
internal sealed class AppointmentSpec
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(20);

    private AppointmentSpec(Appointment state) => State = state;

    public Appointment State { get; }

    public static AppointmentSpec Given(params object[] history)
    {
        Appointment? state = null;
        foreach (var @event in history)
        {
            state = (state, @event) switch
            {
                (null, AppointmentBooked booked) => Appointment.Create(booked),
                ({ } a, AppointmentRescheduled moved) => a.Apply(moved),
                ({ } a, AppointmentCancelled cancelled) => a.Apply(cancelled),
                ({ } a, NoShowRecorded noShow) => a.Apply(noShow),
                ({ } a, PatientCheckedIn checkedIn) => a.Apply(checkedIn),
                ({ } a, LateArrivalFlagged) => a,
                ({ } a, PatientCheckedOut checkedOut) => a.Apply(checkedOut),
                ({ } a, ArrivalTimeCorrected corrected) => a.Apply(corrected),
                ({ } a, ReminderDue due) => a.Apply(due),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot start or continue an appointment stream here"),
            };
        }

        return new AppointmentSpec(state ?? throw new InvalidOperationException("an appointment history starts with AppointmentBooked"));
    }

    public DecisionOutcome When(CheckIn command, DateTimeOffset? now = null) =>
        new(() => CheckInDecider.Decide(State, Schedule.Patient, command, LateAfter, now ?? Schedule.Now));

    public DecisionOutcome When(CheckOut command) => new(() => [CheckOutDecider.Decide(State, command, Schedule.Now)]);

    public DecisionOutcome When(CorrectArrivalTime command) => new(() => [CorrectArrivalTimeDecider.Decide(State, command, Schedule.Now)]);

    public DecisionOutcome When(CancelAppointment command) => new(() =>
    {
        var (cancelled, release) = CancelAppointmentDecider.Decide(State, command, Schedule.Now);
        return [cancelled, .. release.Slots, release.Patient, .. release.Resources];
    });

    public DecisionOutcome WhenSweptAt(DateTimeOffset now) => new(() => NoShowDecider.Decide(State, Grace, now) is { } noShow ? [noShow] : []);

    public DecisionOutcome WhenRemindersCheckedAt(DateTimeOffset now, params TimeSpan[] offsets) =>
        new(() => [.. ReminderDecider.Decide(State, offsets, now)]);
}
