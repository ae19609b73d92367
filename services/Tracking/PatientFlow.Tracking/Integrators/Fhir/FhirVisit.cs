using Hl7.Fhir.Model;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// One visit as FHIR R4 resources, built from its integration events by <see cref="VisitResources.Build"/>.
/// The patient and practitioners appear only as references (<c>Patient/{id}</c>, <c>Practitioner/{id}</c>):
/// tracking holds no demographics.
/// </summary>
/// <param name="Appointment">The booking (id: the visit id); null until tracking has seen a booking or check-in.</param>
/// <param name="Encounter">The ambulatory encounter (id: the visit id), planned from booking; null before that.</param>
/// <param name="Observations">Vital signs: one Observation per measured sign, id <c>{vitalsEventId:N}.{index}</c>.</param>
/// <param name="ResultObservations">Lab results: one Observation per result, id <c>{labResultEventId:N}</c>, each referenced by its order's report.</param>
/// <param name="ServiceRequests">Lab orders (id: order id) and referrals (id: referral id).</param>
/// <param name="Specimens">Collected specimens (id: specimen id).</param>
/// <param name="DiagnosticReports">One per lab order with results (id: order id).</param>
/// <param name="Coverages">The patient's coverage as the payer last answered for this visit (id: patient id); at most one.</param>
/// <param name="Claims">The visit's claims (id: claim id).</param>
public sealed record FhirVisit(
    Appointment? Appointment,
    Encounter? Encounter,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Observation> ResultObservations,
    IReadOnlyList<ServiceRequest> ServiceRequests,
    IReadOnlyList<Specimen> Specimens,
    IReadOnlyList<DiagnosticReport> DiagnosticReports,
    IReadOnlyList<Coverage> Coverages,
    IReadOnlyList<Claim> Claims)
{
    /// <summary>Every resource of the visit, vital signs and lab results alike.</summary>
    public IEnumerable<Resource> All()
    {
        IEnumerable<Resource?> all =
        [
            Appointment, Encounter, .. Observations, .. ResultObservations, .. ServiceRequests, .. Specimens,
            .. DiagnosticReports, .. Coverages, .. Claims,
        ];
        return all.OfType<Resource>();
    }

    /// <summary>The resource a reference <c>{resourceType}/{id}</c> names, or null when the visit has none (yet).</summary>
    public Resource? Find(string resourceType, string id) =>
        All().FirstOrDefault(r => r.TypeName == resourceType && r.Id == id);
}
