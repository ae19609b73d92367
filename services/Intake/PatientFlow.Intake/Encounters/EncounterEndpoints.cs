using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Intake.Encounters.Completing;
using PatientFlow.Intake.Encounters.CorrectingVitals;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Intake.Encounters.RecordingVitals;
using PatientFlow.Intake.Encounters.Rooming;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Encounters;

public static class EncounterEndpoints
{
    public static IEndpointRouteBuilder MapEncounterEndpoints(this IEndpointRouteBuilder app)
    {
        var encounters = app.MapGroup("/api/intake/encounters").RequireAuthorization(AccessPolicies.Intake);
        encounters.MapGet("/{visitId:guid}", GetEncounter);
        encounters.MapPost("/{visitId:guid}/rooming", RoomPatient);
        encounters.MapPost("/{visitId:guid}/vitals", RecordVitals);
        encounters.MapPost("/{visitId:guid}/vitals/{vitalsId:guid}/correction", CorrectVitals);
        encounters.MapPost("/{visitId:guid}/completion", CompleteEncounter);
        return app;
    }

    /// <summary>The encounter now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<EncounterDetails>> GetEncounter(
        Guid visitId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<EncounterDetails>(visitId, asOf, http, ct) ?? throw NoEncounter(visitId));

    private static Task<Ok<EncounterDetails>> RoomPatient(
        Guid visitId, RoomPatient command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Encounter> logger, CancellationToken ct) =>
        Decide(visitId, session, http, logger, state => RoomPatientDecider.Decide(state, command, clock.GetUtcNow()), ct);

    private static Task<Ok<EncounterDetails>> RecordVitals(
        Guid visitId, RecordVitals command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Encounter> logger, CancellationToken ct) =>
        Decide(visitId, session, http, logger, state => RecordVitalsDecider.Decide(state, command, clock.GetUtcNow()), ct);

    private static Task<Ok<EncounterDetails>> CompleteEncounter(
        Guid visitId, CompleteEncounter command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Encounter> logger, CancellationToken ct) =>
        Decide(visitId, session, http, logger, state => CompleteEncounterDecider.Decide(state, command, clock.GetUtcNow()), ct);

    private static Task<Ok<EncounterDetails>> CorrectVitals(
        Guid visitId, Guid vitalsId, CorrectVitals command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Encounter> logger, CancellationToken ct) =>
        Decide(visitId, session, http, logger, state => CorrectVitalsDecider.Decide(state, vitalsId, command, clock.GetUtcNow()), ct);

    /// <summary>
    /// Fetch (honouring If-Match) → decide → append → save. FetchForWriting checks the stream version at
    /// save, so two racing commands cannot both commit: the loser gets 409. The answer carries the new ETag.
    /// </summary>
    private static async Task<Ok<EncounterDetails>> Decide(
        Guid visitId, IDocumentSession session, HttpContext http, ILogger logger, Func<Encounter, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Encounter>(visitId, http, ct);
        var state = stream.Aggregate ?? throw NoEncounter(visitId);
        var events = decide(state);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Encounter {VisitId}: appended {EventTypes}", visitId, events.Select(e => e.GetType().Name));
        return TypedResults.Ok(await LoadDetails(session, visitId, ct));
    }

    private static async Task<EncounterDetails> LoadDetails(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw NoEncounter(visitId);

    private static NotFoundException NoEncounter(Guid visitId) => new($"no encounter for visit {visitId}");
}
