using Hl7.Fhir.Model;
using PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Which visit holds a resource whose id is not the visit's own, so a read by id knows whose events to build
/// from. Written by <see cref="FhirLinkProjection"/> from the journey log, one document per key.
/// </summary>
/// <param name="Id">The key <see cref="KeyOf"/> gives: <c>{type}/{id}</c>, or <c>Observation/{eventId:N}</c> for vital signs.</param>
/// <param name="VisitId">The visit whose journey holds the resource's events.</param>
/// <remarks>
/// No links for the Appointment and Encounter (their id is the visit id) nor for the Coverage (its id is the patient
/// id, and each of the patient's visits with an eligibility answer holds one): those are found without a lookup.
/// </remarks>
public sealed record FhirResourceLink(string Id, Guid VisitId)
{
    /// <summary>
    /// A vital sign's id is <c>{eventId:N}.{index}</c>: the key is the part before the dot, the event that measured it.
    /// Its index is known only with the rest of the visit (a correction adds signs and drops others), the event id is not.
    /// </summary>
    public static string KeyOf(string resourceType, string id) =>
        resourceType == nameof(Observation) && id.IndexOf('.') is > 0 and var dot
            ? FhirIds.Reference(resourceType, id[..dot])
            : FhirIds.Reference(resourceType, id);

    /// <summary>The keys an event ties to its visit: every linked resource it creates or changes, from the event alone.</summary>
    public static IEnumerable<string> KeysOf(IVisitEvent e)
    {
        var named = FhirReferences.Of(e)
            .Select(reference => reference.Split('/', 2))
            .Where(parts => parts[0] is not (nameof(Appointment) or nameof(Encounter) or nameof(Coverage)))
            .Select(parts => KeyOf(parts[0], parts[1]));
        // A correction that measures a new sign names that Observation after itself; alone, it cannot say which.
        return (e is VitalsCorrected ? named.Append(KeyOf(nameof(Observation), FhirIds.VitalSign(e.EventId, 0))) : named).Distinct();
    }
}
