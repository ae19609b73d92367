namespace PatientFlow.Intake.Encounters.RecordingHistory;

/// <summary>Why the patient came, in their words; a later complaint replaces the one shown (both stay in the history).</summary>
public sealed record RecordChiefComplaint(string? Text = null, string? Onset = null, DateTimeOffset? RecordedAt = null);

public static class RecordChiefComplaintDecider
{
    /// <summary>POST /chief-complaint</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, RecordChiefComplaint command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    public static IReadOnlyList<object> Decide(Encounter state, RecordChiefComplaint command, DateTimeOffset now)
    {
        state.EnsureOpen();
        return [new ChiefComplaintRecorded(
            state.Id, state.PatientId, TextField.Required("text", command.Text, 500), TextField.Optional("onset", command.Onset, 100),
            ClinicTime.Resolve("recordedAt", command.RecordedAt, now))];
    }
}
