using Marten;
using Marten.Events.Projections;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Keeps <see cref="FhirResourceLink"/>s from the journey log. Each link comes from one event alone, and the same
/// event always gives the same links, so a redelivery or a rebuild writes the same documents again.
/// </summary>
/// <remarks>
/// Asynchronous: the daemon reads the whole log, so visits logged before this projection existed get their links
/// without an operator's rebuild, and the consumer that appends every visit event keeps its transaction as it was.
/// A resource is readable by id once the daemon has passed its event (the high-water health check flags a stall).
/// </remarks>
public sealed partial class FhirLinkProjection : EventProjection
{
    public void Project(JourneyStepRecorded step, IDocumentOperations operations)
    {
        if (FeedPayloads.Read(step) is not { } contract)
        {
            return;
        }

        foreach (var key in FhirResourceLink.KeysOf(contract))
        {
            operations.Store(new FhirResourceLink(key, step.VisitId));
        }
    }
}
