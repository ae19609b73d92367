using Marten;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>Visits' integration events read back from their journey streams, in the order tracking logged them.</summary>
internal static class VisitLog
{
    /// <summary>Each visit's events, in one read of the log; a visit tracking has not logged is left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<IVisitEvent>>> LoadAsync(
        IQuerySession session, IReadOnlyCollection<Guid> visitIds, CancellationToken ct)
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
            .ToDictionary(
                stream => stream.Key,
                stream => (IReadOnlyList<IVisitEvent>)[.. stream.Select(e => e.Data).OfType<JourneyStepRecorded>().Select(FeedPayloads.Read).OfType<IVisitEvent>()]);
    }
}
