using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Encounters;

/// <summary>Every command on an encounter, on the shared <see cref="StreamCommands"/> path; answers with the encounter as it now is.</summary>
public sealed class EncounterCommands(IDocumentSession session, IHttpContextAccessor http, TimeProvider clock, ILogger<Encounter> logger)
{
    public Task<Ok<EncounterDetails>> DecideAsync(Guid visitId, Func<Encounter, DateTimeOffset, IReadOnlyList<object>> decide) =>
        DecideAsync(visitId, (state, now) => Task.FromResult(decide(state, now)));

    /// <summary>For a decision that also writes other streams (rooms) or waits for another service (orders).</summary>
    public async Task<Ok<EncounterDetails>> DecideAsync(Guid visitId, Func<Encounter, DateTimeOffset, Task<IReadOnlyList<object>>> decide)
    {
        var context = http.HttpContext!;
        var ct = context.RequestAborted;
        var (_, events) = await session.DecideAsync<Encounter>(visitId, context, state => decide(state, clock.GetUtcNow()), () => NoEncounter(visitId), ct);
        logger.LogInformation("Encounter {VisitId}: appended {EventTypes}", visitId, events.Select(e => e.GetType().Name));
        return TypedResults.Ok(await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw NoEncounter(visitId));
    }

    public static NotFoundException NoEncounter(Guid visitId) => new($"no encounter for visit {visitId}");
}
