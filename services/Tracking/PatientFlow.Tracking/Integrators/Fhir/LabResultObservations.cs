using System.Globalization;
using Hl7.Fhir.Model;
using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// One laboratory Observation per result (id: the recording event), status final until amended. A number with a
/// unit is a UCUM quantity, anything else the reported text; the lab's flag is the interpretation.
/// </summary>
internal static class LabResultObservations
{
    public static IReadOnlyList<Observation> From(IReadOnlyList<IVisitEvent> events) =>
        [.. LabResult.From(events).Select(result => Observation(result, FhirLabOrder.Of(result.Recorded.OrderId, events)))];

    private static Observation Observation(LabResult result, FhirLabOrder order)
    {
        var recorded = result.Recorded;
        var specimen = SpecimenOf(result, order);
        var observation = new Observation
        {
            Id = result.Id,
            Meta = result.Changes.LastUpdated(),
            Status = result.Amended is null ? ObservationStatus.Final : ObservationStatus.Amended,
            BasedOn = [FhirIds.LabOrder(recorded.OrderId)],
            Category = [Terminology.Concept(Terminology.ObservationCategory, "laboratory", "Laboratory")],
            Code = Terminology.Concept(Terminology.Loinc, recorded.TestCode, order.NameOf(recorded.TestCode), order.NameOf(recorded.TestCode)),
            Subject = FhirIds.Patient(recorded.PatientId),
            Encounter = FhirIds.Encounter(recorded.VisitId),
            // The physiologically relevant time is when the specimen was drawn; issued is when the value was released.
            Effective = VisitEvents.DateTime(specimen?.OccurredAt ?? recorded.OccurredAt),
            IssuedElement = new Instant(result.Amended?.OccurredAt ?? recorded.OccurredAt),
            Value = ValueOf(result.Value, result.Unit),
            Specimen = specimen is null ? null : FhirIds.To(nameof(Specimen), FhirIds.Of(specimen.SpecimenId)),
        };
        if (!string.IsNullOrWhiteSpace(result.Flag))
        {
            observation.Interpretation.Add(Terminology.Interpretation(result.Flag));
        }

        if (!string.IsNullOrWhiteSpace(recorded.ReferenceRange))
        {
            observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent { Text = recorded.ReferenceRange });
        }

        return observation;
    }

    public static DataType ValueOf(string value, string unit) =>
        !string.IsNullOrWhiteSpace(unit) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? UcumUnits.Quantity(number, unit)
            : new FhirString(value);

    /// <summary>The specimen with the result's accession number, else the order's only specimen; several and no number: unknown.</summary>
    private static SpecimenCollected? SpecimenOf(LabResult result, FhirLabOrder order)
    {
        var specimens = LabSpecimens.Of(order).Where(s => s.TestCodes.Count == 0 || s.TestCodes.Contains(result.Recorded.TestCode)).ToList();
        return result.Recorded.AccessionId is { } accession
            ? specimens.FirstOrDefault(s => s.AccessionId == accession)
            : specimens.Count == 1 ? specimens[0] : null;
    }
}
