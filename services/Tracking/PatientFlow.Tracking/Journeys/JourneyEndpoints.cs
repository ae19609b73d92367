using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.Platform.Time;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Journeys.GettingTimeline;
using PatientFlow.Tracking.Journeys.ListingByStage;

namespace PatientFlow.Tracking.Journeys;

public static class JourneyEndpoints
{
    public static IEndpointRouteBuilder MapJourneyEndpoints(this IEndpointRouteBuilder app)
    {
        var tracking = app.MapGroup("/api/tracking").RequireAuthorization(AccessPolicies.Tracking);
        tracking.Audited("journey");
        tracking.MapGet("/visits/{visitId:guid}/timeline", GetTimeline);
        tracking.MapGet("/board", GetBoard);
        return app;
    }

    /// <summary>
    /// The journey now; with <c>?asOf=</c>, as tracking knew it at that instant, folded from its events. A visit of a clinic
    /// the token does not grant is not found, as if unknown.
    /// </summary>
    private static async Task<Ok<VisitTimeline>> GetTimeline(Guid visitId, [FromQuery] string? asOf, ClinicScope granted, IQuerySession session, CancellationToken ct)
    {
        var journey = AsOf.Parse(asOf) is { } instant
            ? await session.Events.AggregateStreamAsync<VisitJourney>(visitId, timestamp: instant, token: ct)
                ?? throw new NotFoundException($"no journey for visit {visitId} was known at {instant:O}")
            : await session.LoadAsync<VisitJourney>(visitId, ct) ?? throw new NotFoundException($"no journey for visit {visitId}");
        return granted.AdmitsRecordIn(journey.Clinic)
            ? TypedResults.Ok(VisitTimeline.From(journey))
            : throw new NotFoundException($"no journey for visit {visitId}");
    }

    /// <summary>The visits on the board by stage, in the token's clinics; a clinic outside them is refused naming <c>clinic</c>.</summary>
    private static async Task<Ok<StageSummary>> GetBoard(
        string? clinic, Guid? providerId, ClinicScope granted, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = session.Query<VisitJourney>().Where(journey => journey.CurrentStage != null);
        if (granted.Check(string.IsNullOrEmpty(clinic) ? null : clinic, "clinic") is { } asked)
        {
            query = query.Where(journey => journey.Clinic == asked);
        }
        else if (granted.Clinics is { } clinics)
        {
            var mine = clinics.ToArray();
            query = query.Where(journey => journey.Clinic.IsOneOf(mine));
        }

        if (providerId is { } provider)
        {
            query = query.Where(journey => journey.ProviderId == provider);
        }

        var journeys = await query.ToListAsync(ct);
        return TypedResults.Ok(StageSummary.Build(journeys, clock.GetUtcNow()));
    }
}
