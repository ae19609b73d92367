using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Given(provider events).When(command).Then(events) over the provider's schedule.</summary>
internal sealed class ProviderSpec
{
    private ProviderSpec(Provider state) => State = state;

    public Provider State { get; }

    public static ProviderSpec Given(params object[] history) => new(Build(history));

    public static Provider Build(params object[] history)
    {
        Provider? state = null;
        foreach (var @event in history)
        {
            state = (state, @event) switch
            {
                (null, ProviderCreated created) => Provider.Create(created),
                ({ } p, SlotsOpened opened) => p.Apply(opened),
                ({ } p, SlotBooked booked) => p.Apply(booked),
                ({ } p, SlotReleased released) => p.Apply(released),
                ({ } p, SlotsRemoved removed) => p.Apply(removed),
                ({ } p, TimeBlocked blocked) => p.Apply(blocked),
                ({ } p, SlotOffered offered) => p.Apply(offered),
                ({ } p, SlotOfferEnded ended) => p.Apply(ended),
                ({ } p, WeeklyTemplateSet set) => p.Apply(set),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot start or continue a provider stream here"),
            };
        }

        return state ?? throw new InvalidOperationException("a provider history starts with ProviderCreated");
    }

    public DecisionOutcome When(OpenSlots command, params Guid[] slotIds) =>
        new(() => [OpenSlotsDecider.Decide(State, command, slotIds, Schedule.Now)]);

    public DecisionOutcome When(Func<Provider, IReadOnlyList<object>> decide) => new(() => decide(State));
}
