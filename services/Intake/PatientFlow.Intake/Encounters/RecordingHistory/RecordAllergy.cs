namespace PatientFlow.Intake.Encounters.RecordingHistory;

public sealed record RecordAllergy(string? Substance = null, string? Reaction = null, AllergySeverity? Severity = null, AllergyKind Kind = AllergyKind.Other);

public static class RecordAllergyDecider
{
    /// <summary>POST /allergies</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, RecordAllergy command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    /// <summary>POST /allergies/none-known</summary>
    public static Task<Ok<EncounterDetails>> HandleNoneKnown(Guid visitId, EncounterCommands commands) => commands.DecideAsync(visitId, DecideNoneKnown);

    /// <summary>An allergy with its reaction and severity; not after "no known allergies" was recorded (enter that in error first).</summary>
    public static IReadOnlyList<object> Decide(Encounter state, RecordAllergy command, DateTimeOffset now)
    {
        state.EnsureOpen();
        if (state.Live(EntryKind.NoKnownAllergies).Any())
        {
            throw new ConflictException($"encounter {state.Id} records no known allergies; mark that entered in error before recording an allergy");
        }

        var severity = command.Severity ?? throw new InvalidFieldException("severity", "is required: mild, moderate or severe");
        return [new AllergyRecorded(
            state.Id, state.PatientId, TextField.Required("substance", command.Substance), TextField.Required("reaction", command.Reaction, 200), severity, command.Kind, now)];
    }

    /// <summary>The patient was asked and has no known allergies; contradicts any allergy recorded in this encounter.</summary>
    public static IReadOnlyList<object> DecideNoneKnown(Encounter state, DateTimeOffset now)
    {
        state.EnsureOpen();
        if (state.Live(EntryKind.Allergy).Any())
        {
            throw new ConflictException($"encounter {state.Id} already records an allergy");
        }

        return state.Live(EntryKind.NoKnownAllergies).Any() ? [] : [new NoKnownAllergiesRecorded(state.Id, state.PatientId, now)];
    }
}
