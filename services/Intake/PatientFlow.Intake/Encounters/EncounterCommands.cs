using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Encounters;

/// <summary>Every command that touches the encounter alone, on the shared <see cref="StreamCommands"/> path.</summary>
public sealed class EncounterCommands(IDocumentSession session, IHttpContextAccessor http, TimeProvider clock, ILogger<Encounter> logger)
{
    public async Task<Ok<EncounterDetails>> DecideAsync(Guid visitId, Func<Encounter, DateTimeOffset, IReadOnlyList<object>> decide)
    {
        var context = http.HttpContext!;
        var ct = context.RequestAborted;
        var (_, events) = await session.DecideAsync<Encounter>(visitId, context, state => decide(state, clock.GetUtcNow()), () => NoEncounter(visitId), ct);
        logger.LogInformation("Encounter {VisitId}: appended {EventTypes}", visitId, events.Select(e => e.GetType().Name));
        return TypedResults.Ok(await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw NoEncounter(visitId));
    }

    public static NotFoundException NoEncounter(Guid visitId) => new($"no encounter for visit {visitId}");
}
