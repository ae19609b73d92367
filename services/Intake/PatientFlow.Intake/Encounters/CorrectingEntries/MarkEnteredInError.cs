namespace PatientFlow.Intake.Encounters.CorrectingEntries;

public sealed record MarkEnteredInError(string? Reason = null);

public static class MarkEnteredInErrorDecider
{
    /// <summary>POST /entries/{entryId}/entered-in-error</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, Guid entryId, MarkEnteredInError command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, entryId, command, now));

    /// <summary>Any recorded entry may be marked entered in error, once, with a reason; also after completion (an amendment).</summary>
    public static IReadOnlyList<object> Decide(Encounter state, Guid entryId, MarkEnteredInError command, DateTimeOffset now)
    {
        if (state.Entries?.TryGetValue(entryId, out var kind) != true)
        {
            throw new NotFoundException($"no entry {entryId} on the encounter of visit {state.Id}");
        }

        if (state.InError?.Contains(entryId) == true)
        {
            throw new ConflictException($"entry {entryId} is already marked entered in error");
        }

        return [new EntryEnteredInError(state.Id, state.PatientId, entryId, kind, TextField.Required("reason", command.Reason, 200), now)];
    }
}
