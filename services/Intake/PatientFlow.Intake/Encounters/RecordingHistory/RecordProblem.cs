namespace PatientFlow.Intake.Encounters.RecordingHistory;

/// <summary>A problem on the patient's history, optionally coded in ICD-10-CM.</summary>
public sealed record RecordProblem(string? Description = null, string? Icd10Code = null, ProblemStatus Status = ProblemStatus.Active, DateOnly? OnsetDate = null);

public static class RecordProblemDecider
{
    /// <summary>POST /problems</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, RecordProblem command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    public static IReadOnlyList<object> Decide(Encounter state, RecordProblem command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var code = TextField.Optional("icd10Code", command.Icd10Code, 8)?.ToUpperInvariant();
        if (code is not null && !ClinicalCodes.IsIcd10Cm(code))
        {
            throw new InvalidFieldException("icd10Code", "is not a well-formed ICD-10-CM code");
        }

        if (command.OnsetDate > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new InvalidFieldException("onsetDate", "must not be in the future");
        }

        return [new ProblemRecorded(state.Id, state.PatientId, TextField.Required("description", command.Description, 200), code, command.Status, command.OnsetDate, now)];
    }
}
