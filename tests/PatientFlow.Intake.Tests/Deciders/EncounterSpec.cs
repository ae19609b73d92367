using JasperFx.Events;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Opening;
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

    /// <summary>An entry event as committed with a known id (the id a correction or entered-in-error names).</summary>
    public static IEvent<T> Recorded<T>(T data, Guid id) where T : notnull => new Event<T>(data) { Id = id };

    public static EncounterSpec Given(params object[] history)
    {
        Encounter? state = null;
        foreach (var @event in history)
        {
            state = (state, @event) switch
            {
                (null, EncounterOpened opened) => Encounter.Create(opened),
                (null, _) => throw new InvalidOperationException($"{@event.GetType().Name} cannot open an encounter"),
                ({ } s, IEvent committed) => Apply(s, committed),
                ({ } s, _) => Apply(s, (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(@event.GetType()), @event)!),
            };
        }

        return new EncounterSpec(state);
    }

    private static Encounter Apply(Encounter s, IEvent e)
    {
        if (e.Id == Guid.Empty)
        {
            e.Id = Guid.CreateVersion7();
        }

        return e switch
        {
            IEvent<PatientRoomed> x => s.Apply(x.Data),
            IEvent<VitalsRecorded> x => s.Apply(x),
            IEvent<VitalsCorrected> x => s.Apply(x.Data),
            IEvent<ChiefComplaintRecorded> x => s.Apply(x),
            IEvent<ProblemRecorded> x => s.Apply(x),
            IEvent<AllergyRecorded> x => s.Apply(x),
            IEvent<NoKnownAllergiesRecorded> x => s.Apply(x),
            IEvent<MedicationsReconciled> x => s.Apply(x),
            IEvent<ImmunizationAdministered> x => s.Apply(x),
            IEvent<InjectionAdministered> x => s.Apply(x),
            IEvent<InstructionsGiven> x => s.Apply(x),
            IEvent<LabTestsOrdered> x => s.Apply(x),
            IEvent<ReferralRequested> x => s.Apply(x),
            IEvent<EntryEnteredInError> x => s.Apply(x.Data),
            IEvent<ProviderEncounterStarted> x => s.Apply(x.Data),
            IEvent<EncounterCompleted> x => s.Apply(x.Data),
            _ => throw new InvalidOperationException($"{e.EventType.Name} cannot follow {s.Status}"),
        };
    }

    /// <summary>Opening is the one decision that also runs on no history at all.</summary>
    public DecisionOutcome When(OpenEncounter command) => new(() => OpenEncounterDecider.Decide(_state, command));

    public DecisionOutcome When(Func<Encounter, IReadOnlyList<object>> decide) =>
        new(() => decide(_state ?? throw new InvalidOperationException("no encounter in the given history")));

    public Encounter State => _state ?? throw new InvalidOperationException("no encounter in the given history");
}
