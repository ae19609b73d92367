using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Encounters;

/// <summary>
/// Fetch (honouring If-Match) → decide → append → save, for every command that touches the encounter alone.
/// FetchForWriting checks the stream version at save, so of two racing commands only one commits: the other gets 409.
/// </summary>
public sealed class EncounterCommands(IDocumentSession session, IHttpContextAccessor http, TimeProvider clock, ILogger<Encounter> logger)
{
    public async Task<Ok<EncounterDetails>> DecideAsync(Guid visitId, Func<Encounter, DateTimeOffset, IReadOnlyList<object>> decide)
    {
        var context = http.HttpContext!;
        var ct = context.RequestAborted;
        var stream = await session.FetchForWritingAsync<Encounter>(visitId, context, ct);
        var state = stream.Aggregate ?? throw NoEncounter(visitId);
        var events = decide(state, clock.GetUtcNow());
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(context, stream);
        logger.LogInformation("Encounter {VisitId}: appended {EventTypes}", visitId, events.Select(e => e.GetType().Name));
        return TypedResults.Ok(await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw NoEncounter(visitId));
    }

    public static NotFoundException NoEncounter(Guid visitId) => new($"no encounter for visit {visitId}");
}
