using Microsoft.AspNetCore.Mvc;

namespace PatientFlow.Intake.Encounters.SeeingProvider;

public sealed record StartProviderEncounter(DateTimeOffset? StartedAt = null);

public static class StartProviderEncounterDecider
{
    /// <summary>POST /provider/start (the body may be left out: the start is now)</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, [FromBody] StartProviderEncounter? command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command ?? new StartProviderEncounter(), now));

    /// <summary>The provider starts seeing the patient once: a second start is a conflict, not a new start time.</summary>
    public static IReadOnlyList<object> Decide(Encounter state, StartProviderEncounter command, DateTimeOffset now)
    {
        state.EnsureOpen();
        if (state.ProviderStartedAt is { } started)
        {
            throw new ConflictException($"the provider already started encounter {state.Id} at {started:O}");
        }

        return [new ProviderEncounterStarted(state.Id, state.PatientId, state.ProviderId, ClinicTime.Resolve("startedAt", command.StartedAt, now))];
    }
}
