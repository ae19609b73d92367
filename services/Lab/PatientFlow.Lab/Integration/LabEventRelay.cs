using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Lab.Orders;
using PatientFlow.ServiceDefaults.Messaging;
using V1 = PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Lab.Integration;

/// <summary>Orders and results are stages of the visit; results also carry the CPT code billing charges.</summary>
public sealed class LabEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        LabTestOrdered ordered => new V1.LabTestOrdered(
            committed.Id, ordered.VisitId, ordered.PatientId, ordered.OrderedAt, committed.Timestamp,
            ordered.OrderId, ordered.Test.Code, ordered.Test.Name),
        LabResultRecorded resulted => new V1.LabResultRecorded(
            committed.Id, resulted.VisitId, resulted.PatientId, resulted.ResultedAt, committed.Timestamp,
            resulted.OrderId, resulted.TestCode, resulted.Value, resulted.Unit, resulted.Flag, resulted.BillingCode),
        _ => null,
    };
}
