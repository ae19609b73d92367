using Hl7.Fhir.Model;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Referral.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// The <c>{resourceType}/{id}</c> references of the resources an event creates or may change: to index which
/// visit a resource belongs to, and to pick a webhook payload (<see cref="FhirVisit.Find"/> each one; a reference
/// may name a resource the visit does not hold yet, such as the report of an order with no result).
/// Vital-sign events also name the Encounter their Observations belong to, so a payload carries that context.
/// Events that change no resource (reminders, lateness, acknowledgements, authorizations...) name none.
/// </summary>
public static class FhirReferences
{
    /// <summary>
    /// From the event alone. Three kinds name their resources only through earlier events and need
    /// <see cref="Of(IVisitEvent, IReadOnlyList{IVisitEvent})"/>: a <see cref="VitalsCorrected"/> and a vitals
    /// <see cref="EntryEnteredInError"/> (the recorded set's indexes), and a <see cref="LabResultAmended"/> (the
    /// result's event id). Alone, they name only the Encounter and the DiagnosticReport respectively.
    /// </summary>
    public static IReadOnlyList<string> Of(IVisitEvent e) => Of(e, []);

    /// <summary>Exact for every event: <paramref name="visit"/> is the visit's events (with or without <paramref name="e"/>).</summary>
    public static IReadOnlyList<string> Of(IVisitEvent e, IReadOnlyList<IVisitEvent> visit)
    {
        var encounter = FhirIds.Reference(nameof(Encounter), FhirIds.Visit(e.VisitId));
        var appointment = FhirIds.Reference(nameof(Appointment), FhirIds.Visit(e.VisitId));
        return e switch
        {
            AppointmentBooked or AppointmentRescheduled or PatientCheckedIn or PatientCheckedOut or AppointmentCancelled or NoShowRecorded =>
                [appointment, encounter],
            ArrivalTimeCorrected or EncounterOpened or PatientRoomed or ProviderEncounterStarted or EncounterCompleted or ChiefComplaintRecorded
                or EntryEnteredInError { EntryKind: "chief-complaint" } => [encounter],
            VitalsRecorded or VitalsCorrected or EntryEnteredInError { EntryKind: "vitals" } =>
                [.. VitalSignSets.From(visit.With(e)).Where(sign => sign.Changes.Any(c => c.EventId == e.EventId))
                    .Select(sign => FhirIds.Reference(nameof(Observation), sign.Id)), encounter],
            LabOrderPlaced placed => [Request(placed.OrderId)],
            LabOrderCancelled cancelled => [Request(cancelled.OrderId), Report(cancelled.OrderId)],
            SpecimenCollected collected => [Specimen(collected.SpecimenId), Report(collected.OrderId)],
            SpecimenRejected rejected => [Specimen(rejected.SpecimenId)],
            LabResultRecorded result =>
                [FhirIds.Reference(nameof(Observation), FhirIds.LabResult(result.EventId)), Report(result.OrderId), Request(result.OrderId)],
            LabResultAmended amended =>
                [.. LabResult.From(visit.With(e)).Where(r => r.Amendments.Any(a => a.EventId == e.EventId))
                    .Select(r => FhirIds.Reference(nameof(Observation), r.Id)), Report(amended.OrderId)],
            _ when ReferralRequests.ReferralIdOf(e) is { } referralId => [Request(referralId)],
            EligibilityChecked => [FhirIds.Reference(nameof(Coverage), FhirIds.Of(e.PatientId))],
            ClaimCreated created => [FhirIds.Reference(nameof(Claim), FhirIds.Of(created.ClaimId))],
            ClaimStatusChanged changed => [FhirIds.Reference(nameof(Claim), FhirIds.Of(changed.ClaimId))],
            _ => [],
        };
    }

    private static string Request(Guid id) => FhirIds.Reference(nameof(ServiceRequest), FhirIds.Of(id));

    private static string Report(Guid orderId) => FhirIds.Reference(nameof(DiagnosticReport), FhirIds.Of(orderId));

    private static string Specimen(Guid specimenId) => FhirIds.Reference(nameof(global::Hl7.Fhir.Model.Specimen), FhirIds.Of(specimenId));
}
