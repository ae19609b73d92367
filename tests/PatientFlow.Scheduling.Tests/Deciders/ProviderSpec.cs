using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Given(provider events).When(command).Then(events) over the provider's schedule.</summary>
internal static class ProviderSpec
{
    public static Spec<Provider> Given(params object[] history) => Spec<Provider>.Given(history);

    public static Provider Build(params object[] history) => Spec<Provider>.Given(history).State;

    public static DecisionOutcome When(this Spec<Provider> spec, OpenSlots command, params Guid[] slotIds) =>
        new(() => [OpenSlotsDecider.Decide(spec.State, command, slotIds, Schedule.Now)]);

}
