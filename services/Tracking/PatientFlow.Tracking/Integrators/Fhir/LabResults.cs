using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>A lab result as it stands now: as recorded, or as last amended.</summary>
/// <param name="Id">The result Observation's id: the recording event's.</param>
/// <param name="Amendments">Its amendments in the order they were recorded; the last one holds the current value.</param>
internal sealed record LabResult(string Id, LabResultRecorded Recorded, IReadOnlyList<LabResultAmended> Amendments)
{
    public LabResultAmended? Amended => Amendments.Count > 0 ? Amendments[^1] : null;

    public string Value => Amended?.Value ?? Recorded.Value;

    public string Unit => Amended?.Unit ?? Recorded.Unit;

    public string Flag => Amended?.Flag ?? Recorded.Flag;

    public IEnumerable<IVisitEvent> Changes => [Recorded, .. Amendments];

    /// <summary>
    /// Amendments name the order and test, not the result: one amends the latest result of that test recorded
    /// before it (a test resulted again after a recollection is a new result), or the latest at all when the
    /// amendment arrived first.
    /// </summary>
    public static IReadOnlyList<LabResult> From(IReadOnlyList<IVisitEvent> events)
    {
        var results = events.OfType<LabResultRecorded>().ToList();
        var amendments = events
            .Select((e, position) => (Amendment: e as LabResultAmended, Position: position))
            .Where(a => a.Amendment is not null)
            .Select(a => (Amendment: a.Amendment!, Target: Target(results, events, a.Amendment!, a.Position)))
            .Where(a => a.Target is not null)
            .GroupBy(a => a.Target!.EventId, a => a.Amendment)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.RecordedAt).ToList());
        return [.. results.Select(r => new LabResult(FhirIds.LabResult(r.EventId), r, amendments.GetValueOrDefault(r.EventId) ?? []))];
    }

    private static LabResultRecorded? Target(List<LabResultRecorded> results, IReadOnlyList<IVisitEvent> events, LabResultAmended amendment, int position)
    {
        var sameTest = results.Where(r => r.OrderId == amendment.OrderId && r.TestCode == amendment.TestCode).ToList();
        return sameTest.LastOrDefault(r => Position(events, r) < position) ?? sameTest.LastOrDefault();
    }

    private static int Position(IReadOnlyList<IVisitEvent> events, IVisitEvent e)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], e))
            {
                return i;
            }
        }

        return -1;
    }
}
