using Marten;
using PatientFlow.Platform.Access;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>Visits' integration events read back from their journey streams, in the order tracking logged them.</summary>
internal static class VisitLog
{
    /// <summary>
    /// Each visit's events, in one read of the log; a visit tracking has not logged, or whose clinic (the last one its steps
    /// name) <paramref name="clinics"/> does not admit, is left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<IVisitEvent>>> LoadAsync(
        IQuerySession session, IReadOnlyCollection<Guid> visitIds, ClinicScope clinics, CancellationToken ct)
    {
        if (visitIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<IVisitEvent>>();
        }

        var ids = visitIds.Distinct().ToArray();
        var logged = await session.Events.QueryAllRawEvents()
            .Where(e => ids.Contains(e.StreamId))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return logged
            .GroupBy(e => e.StreamId)
            .Select(stream => (Visit: stream.Key, Steps: stream.Select(e => e.Data).OfType<JourneyStepRecorded>().ToList()))
            .Where(visit => clinics.AdmitsRecordIn(visit.Steps.LastOrDefault(step => step.Clinic is not null)?.Clinic))
            .ToDictionary(
                visit => visit.Visit,
                visit => (IReadOnlyList<IVisitEvent>)[.. visit.Steps.Select(FeedPayloads.Read).OfType<IVisitEvent>()]);
    }
}
