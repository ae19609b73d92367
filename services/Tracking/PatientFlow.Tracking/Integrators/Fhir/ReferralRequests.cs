using Hl7.Fhir.Model;
using PatientFlow.Contracts.Referral.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// A referral as a ServiceRequest (id: the referral id): active while open, completed when its loop closed,
/// revoked when cancelled, active again when reopened; scheduled, it says when and where.
/// </summary>
internal static class ReferralRequests
{
    public static IReadOnlyList<ServiceRequest> From(IReadOnlyList<IVisitEvent> events) =>
        [.. events.OfType<ReferralCreated>().DistinctBy(c => c.ReferralId).Select(created => Request(created, events))];

    public static Guid? ReferralIdOf(IVisitEvent e) => e switch
    {
        ReferralCreated created => created.ReferralId,
        ReferralScheduled scheduled => scheduled.ReferralId,
        ReferralCancelled cancelled => cancelled.ReferralId,
        ReferralLoopClosed closed => closed.ReferralId,
        ReferralReopened reopened => reopened.ReferralId,
        AdmissionRequested admission => admission.ReferralId,
        _ => null,
    };

    private static ServiceRequest Request(ReferralCreated created, IReadOnlyList<IVisitEvent> events)
    {
        var mine = events.Where(e => ReferralIdOf(e) == created.ReferralId).ToList();
        // The referral service decides in order, so its latest word on the referral stands.
        var turn = mine.Where(e => e is ReferralCancelled or ReferralLoopClosed or ReferralReopened).MaxBy(e => e.RecordedAt);
        var scheduled = mine.Latest<ReferralScheduled>();
        var stillScheduled = scheduled is not null && !(mine.Latest<ReferralReopened>()?.RecordedAt > scheduled.RecordedAt);
        var facility = (stillScheduled ? scheduled!.Facility : null)
            ?? mine.Latest<AdmissionRequested>()?.AdmittingFacility ?? created.AdmittingFacility;
        return new ServiceRequest
        {
            Id = FhirIds.Of(created.ReferralId),
            Meta = mine.LastUpdated(),
            Status = turn switch
            {
                ReferralCancelled => RequestStatus.Revoked,
                ReferralLoopClosed => RequestStatus.Completed,
                _ => RequestStatus.Active,
            },
            Intent = RequestIntent.Order,
            Category = [Terminology.Concept(Terminology.Snomed, "3457005", "Patient referral"), Terminology.Text(created.Kind)],
            Priority = LabOrderRequests.PriorityOf(mine.Latest<AdmissionRequested>()?.Urgency ?? created.Urgency),
            Code = Terminology.Text(created.Specialty),
            Subject = FhirIds.Patient(created.PatientId),
            Encounter = FhirIds.Encounter(created.VisitId),
            AuthoredOnElement = VisitEvents.DateTime(created.OccurredAt),
            Occurrence = stillScheduled ? VisitEvents.DateTime(scheduled!.AppointmentAt) : null,
            Performer = facility is null ? [] : [new ResourceReference { Display = facility }],
        };
    }
}
