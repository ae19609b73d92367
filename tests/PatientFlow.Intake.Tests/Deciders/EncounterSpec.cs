using JasperFx.Events;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Opening;

namespace PatientFlow.Intake.Tests.Deciders;

/// <summary>Given(events).When(decision).Then(events) over the encounter's decision state.</summary>
internal static class EncounterSpec
{
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5));
    public static readonly EncounterOpened Opened = new(VisitId, PatientId, ProviderId, "north", Now.AddMinutes(-20));

    /// <summary>An entry event as committed with a known id (the id a correction or entered-in-error names).</summary>
    public static IEvent<T> Recorded<T>(T data, Guid id) where T : notnull => new Event<T>(data) { Id = id };

    public static Spec<Encounter> Given(params object[] history) => Spec<Encounter>.Given(history);

    /// <summary>Opening is the one decision that also runs on no history at all.</summary>
    public static DecisionOutcome When(this Spec<Encounter> spec, OpenEncounter command) => spec.WhenMaybe(state => OpenEncounterDecider.Decide(state, command));
}
