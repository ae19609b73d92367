using PatientFlow.Intake.Encounters.RecordingVitals;

namespace PatientFlow.Intake.Encounters.CorrectingVitals;

/// <summary>
/// Replace a set of vitals that was entered wrong: the fields of <see cref="RecordVitals"/>, the whole set
/// as it should have been, and why; without <c>takenAt</c> the set keeps its time. Allowed after the
/// encounter is completed too (an amendment).
/// </summary>
public sealed record CorrectVitals(string? Reason = null) : RecordVitals;

public static class CorrectVitalsDecider
{
    /// <summary>POST /vitals/{vitalsId}/correction</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, Guid vitalsId, CorrectVitals command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, vitalsId, command, now));

    public const int ReasonMaxLength = 200;

    public static IReadOnlyList<object> Decide(Encounter state, Guid vitalsId, CorrectVitals command, DateTimeOffset now)
    {
        var corrected = state.VitalsSets?.FirstOrDefault(set => set.Id == vitalsId)
            ?? throw new NotFoundException($"no vitals set {vitalsId} on the encounter of visit {state.Id}");

        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > ReasonMaxLength)
        {
            throw new InvalidFieldException("reason", $"must say why, in 1 to {ReasonMaxLength} characters");
        }

        var observations = RecordVitalsDecider.Observe(command);
        if (observations.Count == 0)
        {
            throw new InvalidFieldException("body", "at least one vital sign is required");
        }

        // Usually only the values were wrong: the set keeps its time unless a new one is given.
        var takenAt = ClinicTime.Resolve("takenAt", command.TakenAt ?? corrected.TakenAt, now);
        return [new VitalsCorrected(state.Id, state.PatientId, vitalsId, observations, takenAt, reason, now)];
    }
}
