using Hl7.Fhir.Model;
using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// A lab order as a ServiceRequest (id: the order id): active until every test still wanted has a result
/// (completed) or every test was cancelled (revoked). Each test is an orderDetail coded in LOINC.
/// </summary>
internal static class LabOrderRequests
{
    public static IReadOnlyList<ServiceRequest> From(IReadOnlyList<IVisitEvent> events) =>
        [.. FhirLabOrder.All(events).Where(order => order.Placed is not null).Select(Request)];

    private static ServiceRequest Request(FhirLabOrder order)
    {
        var placed = order.Placed!;
        var status = order.Revoked ? RequestStatus.Revoked : order.Complete ? RequestStatus.Completed : RequestStatus.Active;
        return new ServiceRequest
        {
            Id = FhirIds.Of(order.OrderId),
            Meta = Changes(order, status).LastUpdated(),
            Status = status,
            Intent = RequestIntent.Order,
            Category = [Terminology.Concept(Terminology.Snomed, "108252007", "Laboratory procedure")],
            Priority = PriorityOf(placed.Priority),
            Code = order.Code(),
            OrderDetail = [.. order.Tests.Select(t => Terminology.Concept(Terminology.Loinc, t.TestCode, t.TestName, t.TestName))],
            Subject = FhirIds.Patient(placed.PatientId),
            Encounter = FhirIds.Encounter(placed.VisitId),
            AuthoredOnElement = VisitEvents.DateTime(placed.OccurredAt),
        };
    }

    // Results change the order only by completing it.
    private static IEnumerable<IVisitEvent> Changes(FhirLabOrder order, RequestStatus status) =>
        order.Events.Where(e => e is LabOrderPlaced or LabOrderCancelled || (status == RequestStatus.Completed && e is LabResultRecorded));

    public static RequestPriority? PriorityOf(string priority) => priority.Trim().ToLowerInvariant() switch
    {
        "routine" => RequestPriority.Routine,
        "urgent" => RequestPriority.Urgent,
        "asap" => RequestPriority.Asap,
        "stat" or "emergent" => RequestPriority.Stat,
        _ => null,
    };
}
