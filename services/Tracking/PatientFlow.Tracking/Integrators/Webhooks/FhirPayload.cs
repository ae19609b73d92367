using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Marten;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Integrators.Fhir;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// The FHIR form of a webhook delivery: the resources the event created or changed, as they stood right after it,
/// in a FHIR <c>collection</c> Bundle. The resources come from the visit's events up to and including this one,
/// so a delivery replayed later still shows the visit as it was then.
/// </summary>
public static class FhirPayload
{
    public const string ContentType = "application/fhir+json";

    public static async Task<string?> BuildAsync(IQuerySession session, FeedEntry entry, CancellationToken ct)
    {
        var events = await FeedPayloads.VisitUpToAsync(session, entry.Step.VisitId, entry.Position, ct);
        if (events.Count == 0 || events[^1].EventId != entry.Step.SourceEventId)
        {
            // A step logged before payloads were kept: nothing to build resources from.
            return null;
        }

        var visit = VisitResources.Build(events);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = entry.Step.RecordedAt };
        foreach (var reference in FhirReferences.Of(events[^1], events))
        {
            var parts = reference.Split('/', 2);
            if (visit.Find(parts[0], parts[1]) is { } resource)
            {
                bundle.Entry.Add(new Bundle.EntryComponent { Resource = resource });
            }
        }

        return FhirJsonSerializer.Default.SerializeToString(bundle);
    }
}
