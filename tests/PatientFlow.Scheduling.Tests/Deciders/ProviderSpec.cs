using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Given(provider events).When(command).Then(events) over the provider's schedule.</summary>
internal sealed class ProviderSpec
{
    private readonly Provider _state;

    private ProviderSpec(Provider state) => _state = state;

    public static ProviderSpec Given(params object[] history)
    {
        Provider? state = null;
        foreach (var @event in history)
        {
            state = (state, @event) switch
            {
                (null, ProviderCreated created) => Provider.Create(created),
                ({ } p, SlotsOpened opened) => p.Apply(opened),
                ({ } p, SlotBooked booked) => p.Apply(booked),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot start or continue a provider stream here"),
            };
        }

        return new ProviderSpec(state ?? throw new InvalidOperationException("a provider history starts with ProviderCreated"));
    }

    public DecisionOutcome When(BookAppointment command, Guid appointmentId) => new(() =>
    {
        var (slot, appointment) = BookAppointmentDecider.Decide(_state, command, appointmentId, Schedule.Now);
        return [slot, appointment];
    });

    public DecisionOutcome When(OpenSlots command, params Guid[] slotIds) =>
        new(() => [OpenSlotsDecider.Decide(_state, command, slotIds, Schedule.Now)]);
}
