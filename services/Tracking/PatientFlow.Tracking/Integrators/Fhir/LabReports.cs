using Hl7.Fhir.Model;
using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// One DiagnosticReport per lab order with results (id: the order id): partial while a test still wanted has no
/// result, final when all have, amended once a result of a complete report was corrected.
/// </summary>
internal static class LabReports
{
    public static IReadOnlyList<DiagnosticReport> From(IReadOnlyList<IVisitEvent> events)
    {
        var results = LabResult.From(events);
        return [.. FhirLabOrder.All(events)
            .Select(order => (Order: order, Results: results.Where(r => r.Recorded.OrderId == order.OrderId).ToList()))
            .Where(report => report.Results.Count > 0)
            .Select(report => Report(report.Order, report.Results))];
    }

    /// <summary>What changes a report: its results and their amendments, cancelled tests (which may complete it), new specimens.</summary>
    public static bool Changes(IVisitEvent e) => e is LabResultRecorded or LabResultAmended or LabOrderCancelled or SpecimenCollected;

    private static DiagnosticReport Report(FhirLabOrder order, List<LabResult> results)
    {
        var first = results[0].Recorded;
        var specimens = LabSpecimens.Of(order);
        return new DiagnosticReport
        {
            Id = FhirIds.Of(order.OrderId),
            Meta = order.Events.Where(Changes).LastUpdated(),
            BasedOn = order.Placed is null ? [] : [FhirIds.LabOrder(order.OrderId)],
            Status = !order.Complete ? DiagnosticReport.DiagnosticReportStatus.Partial
                : results.Any(r => r.Amended is not null) ? DiagnosticReport.DiagnosticReportStatus.Amended
                : DiagnosticReport.DiagnosticReportStatus.Final,
            Category = [Terminology.Concept(Terminology.DiagnosticServiceSection, "LAB", "Laboratory")],
            Code = order.Code(),
            Subject = FhirIds.Patient(first.PatientId),
            Encounter = FhirIds.Encounter(first.VisitId),
            Effective = VisitEvents.DateTime(specimens.Count > 0 ? specimens.Min(s => s.OccurredAt) : results.Min(r => r.Recorded.OccurredAt)),
            IssuedElement = new Instant(results.SelectMany(r => r.Changes).Max(e => e.OccurredAt)),
            Specimen = [.. specimens.Select(s => FhirIds.To(nameof(Specimen), FhirIds.Of(s.SpecimenId)))],
            Result = [.. results.Select(r => FhirIds.To(nameof(Observation), r.Id))],
        };
    }
}
