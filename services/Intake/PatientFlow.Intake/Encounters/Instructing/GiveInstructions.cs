namespace PatientFlow.Intake.Encounters.Instructing;

public sealed record GiveInstructions(InstructionKind? Kind = null, string? Topic = null, string? Text = null);

public static class GiveInstructionsDecider
{
    /// <summary>POST /instructions</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, GiveInstructions command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    /// <summary>Education or post-visit care given to the patient; allowed after completion too (instructions are often given at check-out).</summary>
    public static IReadOnlyList<object> Decide(Encounter state, GiveInstructions command, DateTimeOffset now) =>
        [new InstructionsGiven(
            state.Id, state.PatientId, command.Kind ?? throw new InvalidFieldException("kind", "is required: education or post-visit-care"),
            ServiceDefaults.Problems.TextField.Required("topic", command.Topic), ServiceDefaults.Problems.TextField.Required("text", command.Text, 2000), now)];
}
