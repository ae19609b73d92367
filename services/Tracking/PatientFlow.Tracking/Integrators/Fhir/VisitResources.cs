namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Maps one visit's integration events to FHIR R4 resources. Pure: the same events give the same resources,
/// whatever order the services' events arrived in, so the caller may build on every request.
/// </summary>
public static class VisitResources
{
    /// <param name="events">One visit's events in the order tracking recorded them (not necessarily clinic-time order).</param>
    public static FhirVisit Build(IReadOnlyList<IVisitEvent> events) => Map(events.Deduplicated());

    private static FhirVisit Map(IReadOnlyList<IVisitEvent> events)
    {
        if (events.Count == 0)
        {
            return new FhirVisit(null, null, [], [], [], [], [], [], []);
        }

        var coverage = CoverageResource.From(events);
        return new FhirVisit(
            AppointmentResource.From(events),
            EncounterResource.From(events),
            VitalSignObservations.From(events),
            LabResultObservations.From(events),
            [.. LabOrderRequests.From(events), .. ReferralRequests.From(events)],
            LabSpecimens.From(events),
            LabReports.From(events),
            coverage is null ? [] : [coverage],
            ClaimResources.From(events));
    }
}
