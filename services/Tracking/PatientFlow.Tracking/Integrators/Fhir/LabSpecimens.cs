using Hl7.Fhir.Model;
using PatientFlow.Contracts.Lab.V1;
using static Hl7.Fhir.Model.Specimen;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Each collected specimen (id: the specimen id) with its accession number, for the order it was drawn for.
/// A rejected one is unsatisfactory, with the lab's reason as its condition; one that leaked is gone (unavailable).
/// </summary>
internal static class LabSpecimens
{
    public static IReadOnlyList<Specimen> From(IReadOnlyList<IVisitEvent> events) =>
        [.. events.OfType<SpecimenCollected>().DistinctBy(c => c.SpecimenId).Select(collected => Specimen(collected, events))];

    private static Specimen Specimen(SpecimenCollected collected, IReadOnlyList<IVisitEvent> events)
    {
        var rejected = events.OfType<SpecimenRejected>().Where(r => r.SpecimenId == collected.SpecimenId).Latest<SpecimenRejected>();
        return new Specimen
        {
            Id = FhirIds.Of(collected.SpecimenId),
            Meta = new IVisitEvent?[] { collected, rejected }.OfType<IVisitEvent>().LastUpdated(),
            // Accession numbers are PatientFlow's lab's own, with no published namespace to name as a system.
            AccessionIdentifier = new Identifier { Value = collected.AccessionId },
            Status = rejected is null ? SpecimenStatus.Available
                : rejected.Reason == "leaked" ? SpecimenStatus.Unavailable : SpecimenStatus.Unsatisfactory,
            Type = Terminology.Text(collected.SpecimenType),
            Subject = FhirIds.Patient(collected.PatientId),
            Request = [FhirIds.LabOrder(collected.OrderId)],
            Collection = new CollectionComponent { Collected = VisitEvents.DateTime(collected.OccurredAt) },
            Condition = rejected is null ? [] : [Terminology.Text(rejected.Reason)],
        };
    }

    /// <summary>The specimens drawn for an order; a result names its own by accession number when it can.</summary>
    public static IReadOnlyList<SpecimenCollected> Of(FhirLabOrder order) => [.. order.Events.OfType<SpecimenCollected>().DistinctBy(c => c.SpecimenId)];
}
