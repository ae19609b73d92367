using JasperFx.Events;
using PatientFlow.Intake.Encounters.Opening;
using PatientFlow.Intake.Encounters;
using PatientFlow.Testing;

namespace PatientFlow.Intake.Tests.Deciders;

/// <summary>Given(events).When(decision).Then(events) over the encounter's decision state.</summary>
internal sealed class EncounterSpec
{
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5));
    public static readonly EncounterOpened Opened = new(VisitId, PatientId, ProviderId, "north", Now.AddMinutes(-20));

    private readonly Encounter? _state;

    private EncounterSpec(Encounter? state) => _state = state;

    public static EncounterSpec Given(params object[] history)
    {
        Encounter? state = null;
        foreach (var @event in history)
        {
            state = (state, @event) switch
            {
                (null, EncounterOpened opened) => Encounter.Create(opened),
                ({ } s, PatientRoomed roomed) => s.Apply(roomed),
                ({ } s, IEvent<VitalsRecorded> vitals) => s.Apply(vitals),
                ({ } s, VitalsRecorded vitals) => s.Apply(new Event<VitalsRecorded>(vitals) { Id = Guid.CreateVersion7() }),
                ({ } s, VitalsCorrected corrected) => s.Apply(corrected),
                ({ } s, EncounterCompleted completed) => s.Apply(completed),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}"),
            };
        }

        return new EncounterSpec(state);
    }

    /// <summary>Opening is the one decision that also runs on no history at all.</summary>
    public DecisionOutcome When(OpenEncounter command) => new(() => OpenEncounterDecider.Decide(_state, command));

    public DecisionOutcome When(Func<Encounter, IReadOnlyList<object>> decide) =>
        new(() => decide(_state ?? throw new InvalidOperationException("no encounter in the given history")));
}
