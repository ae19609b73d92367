namespace PatientFlow.Intake.Encounters.Opening;

/// <summary>Open the encounter for a patient who has just checked in.</summary>
public sealed record OpenEncounter(Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset ArrivedAt);

public static class OpenEncounterDecider
{
    /// <summary>
    /// An encounter opens once per visit. A later check-in event for the same visit (a re-check-in,
    /// or a republished event with a new id) changes nothing, so it must not fail and be retried forever.
    /// </summary>
    public static IReadOnlyList<object> Decide(Encounter? state, OpenEncounter command) =>
        state is not null
            ? []
            : [new EncounterOpened(command.VisitId, command.PatientId, command.ProviderId, command.Clinic, command.ArrivedAt)];
}
