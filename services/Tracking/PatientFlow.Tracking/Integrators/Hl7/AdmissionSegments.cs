using PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// The ADT body of an outpatient visit's registration (A04), updates (A08) and end (A03): EVN, PID, PV1.
/// PV1 carries the whole visit as known after the event, so an A08 restates every field, as v2 updates do.
/// </summary>
internal static class AdmissionSegments
{
    public static IEnumerable<string> For(Hl7Mapping mapping, IVisitEvent e, Hl7VisitContext visit)
    {
        yield return CommonSegments.Event(mapping, e);
        yield return CommonSegments.Patient(e.PatientId);
        // A move between rooms names the room left in PV1-6, prior patient location.
        yield return CommonSegments.Visit(e.VisitId, visit, (e as PatientRoomed)?.PreviousRoom);
    }
}
