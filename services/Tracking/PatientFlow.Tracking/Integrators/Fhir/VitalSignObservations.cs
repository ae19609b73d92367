using Hl7.Fhir.Model;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// One vital-signs Observation per measured sign (id: the recording event and the sign's index), coded in
/// LOINC with a UCUM quantity. Intake sends systolic (8480-6) and diastolic (8462-4) pressure as two signs,
/// and they stay two Observations: a 85354-9 panel would be a resource no event names and no index identifies.
/// </summary>
internal static class VitalSignObservations
{
    public static IReadOnlyList<Observation> From(IReadOnlyList<IVisitEvent> events)
    {
        var visit = events.Count > 0 ? events[0] : null;
        return visit is null ? [] : [.. VitalSignSets.From(events).Select(sign => Observation(sign, visit))];
    }

    private static Observation Observation(VitalSign sign, IVisitEvent visit) => new()
    {
        Id = sign.Id,
        Meta = sign.Changes.LastUpdated(),
        Status = sign.Status,
        Category = [Terminology.Concept(Terminology.ObservationCategory, "vital-signs", "Vital Signs")],
        Code = Terminology.Concept(Terminology.Loinc, sign.Value.LoincCode, text: sign.Value.Name),
        Subject = FhirIds.Patient(visit.PatientId),
        Encounter = FhirIds.Encounter(visit.VisitId),
        Effective = VisitEvents.DateTime(sign.TakenAt),
        Value = UcumUnits.Quantity(sign.Value.Value, sign.Value.Unit),
        Interpretation = [sign.Value.Abnormal
            ? Terminology.Concept(Terminology.ObservationInterpretation, "A", "Abnormal")
            : Terminology.Concept(Terminology.ObservationInterpretation, "N", "Normal")],
    };
}
