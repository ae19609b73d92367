using Hl7.Fhir.Model;
using Marten;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Platform.Access;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Finds FHIR resources: first the visits that may hold them, then each of those visits built from its journey
/// (<see cref="VisitResources.Build"/>). Nothing FHIR-shaped is stored; every answer is as of the log now. Only visits of
/// the clinics given are read: a resource of another clinic is not found, and no search returns one.
/// </summary>
public sealed class FhirReader(IQuerySession session, ILogger<FhirReader> logger)
{
    private static readonly string EligibilityStep = ContractSteps.NameOf(typeof(EligibilityChecked));

    /// <summary>The resource <c>{type}/{id}</c>; <see cref="NotFoundException"/> when no visit holds it.</summary>
    public async Task<Resource> ReadAsync(string type, string id, ClinicScope clinics, CancellationToken ct)
    {
        var visits = await VisitsHoldingAsync(type, id, ct);
        var built = await BuildAsync(visits, clinics, ct);
        var found = Latest(built.Values.Select(visit => visit.Find(type, id)).OfType<Resource>());
        logger.LogDebug("FHIR read {ResourceType}/{ResourceId}: {Found} over {Visits} visits", type, id, found is not null, built.Count);
        return found ?? throw new NotFoundException($"{type}/{id} is not known here");
    }

    /// <summary>Every <paramref name="type"/> resource the search matches, newest first (meta.lastUpdated).</summary>
    public async Task<IReadOnlyList<Resource>> SearchAsync(string type, FhirSearch search, ClinicScope clinics, CancellationToken ct)
    {
        IReadOnlyList<Guid> visits = search.VisitId is { } visitId ? [visitId] : await PatientVisitsAsync(search.PatientId!.Value, ct);
        var built = await BuildAsync(visits, clinics, ct);
        var matches = built
            .Where(visit => search.PatientId is null || visit.Key.PatientId == search.PatientId)
            .SelectMany(visit => visit.Value.All())
            .Where(resource => resource.TypeName == type)
            // Several visits of a patient hold the one Coverage (its id is the patient's): the latest answer stands.
            .GroupBy(resource => resource.Id)
            .Select(same => Latest(same)!)
            .OrderByDescending(resource => resource.Meta?.LastUpdated)
            .ThenBy(resource => resource.Id, StringComparer.Ordinal)
            .ToList();
        logger.LogDebug("FHIR search {ResourceType}: {Matches} matches over {Visits} visits", type, matches.Count, built.Count);
        return matches;
    }

    /// <summary>Where a resource may be: its own visit for the visit's resources, the patient's for a Coverage, else its link.</summary>
    private async Task<IReadOnlyList<Guid>> VisitsHoldingAsync(string type, string id, CancellationToken ct)
    {
        if (type is nameof(Appointment) or nameof(Encounter) or nameof(Coverage))
        {
            if (!Guid.TryParse(id, out var own))
            {
                return [];
            }

            return type == nameof(Coverage) ? await PatientVisitsAsync(own, ct, withStep: EligibilityStep) : [own];
        }

        var link = await session.LoadAsync<FhirResourceLink>(FhirResourceLink.KeyOf(type, id), ct);
        return link is null ? [] : [link.VisitId];
    }

    /// <summary>The patient's visits by their journeys (an asynchronous snapshot: a visit logged a moment ago may be missing).</summary>
    private async Task<IReadOnlyList<Guid>> PatientVisitsAsync(Guid patientId, CancellationToken ct, string? withStep = null)
    {
        var journeys = await session.Query<VisitJourney>().Where(journey => journey.PatientId == patientId).ToListAsync(ct);
        return [.. journeys.Where(journey => withStep is null || journey.Steps.Any(step => step.EventType == withStep)).Select(journey => journey.VisitId)];
    }

    private async Task<Dictionary<(Guid VisitId, Guid PatientId), FhirVisit>> BuildAsync(IReadOnlyList<Guid> visits, ClinicScope clinics, CancellationToken ct)
    {
        var logged = await VisitLog.LoadAsync(session, visits, clinics, ct);
        return logged
            .Where(visit => visit.Value.Count > 0)
            .ToDictionary(visit => (visit.Key, visit.Value[0].PatientId), visit => VisitResources.Build(visit.Value));
    }

    private static Resource? Latest(IEnumerable<Resource> resources) => resources.MaxBy(resource => resource.Meta?.LastUpdated);
}
