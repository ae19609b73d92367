using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using PatientFlow.Scheduling.Appointments.CorrectingArrival;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Given(appointment events).When(command).Then(events) over one appointment (visit).</summary>
internal sealed class AppointmentSpec
{
    private readonly Appointment _state;

    private AppointmentSpec(Appointment state) => _state = state;

    public static AppointmentSpec Given(params object[] history)
    {
        Appointment? state = null;
        foreach (var @event in history)
        {
            state = (state, @event) switch
            {
                (null, AppointmentBooked booked) => Appointment.Create(booked),
                ({ } a, PatientCheckedIn checkedIn) => a.Apply(checkedIn),
                ({ } a, PatientCheckedOut checkedOut) => a.Apply(checkedOut),
                ({ } a, ArrivalTimeCorrected corrected) => a.Apply(corrected),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot start or continue an appointment stream here"),
            };
        }

        return new AppointmentSpec(state ?? throw new InvalidOperationException("an appointment history starts with AppointmentBooked"));
    }

    public DecisionOutcome When(CheckIn command) => new(() => [CheckInDecider.Decide(_state, command, Schedule.Now)]);

    public DecisionOutcome When(CheckOut command) => new(() => [CheckOutDecider.Decide(_state, command, Schedule.Now)]);

    public DecisionOutcome When(CorrectArrivalTime command) => new(() => [CorrectArrivalTimeDecider.Decide(_state, command, Schedule.Now)]);
}
