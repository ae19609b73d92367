using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Lab.Orders;
using PatientFlow.Platform.Messaging;
using V1 = PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Lab.Integration;

/// <summary>
/// Every change to an order is published. Reasons written by staff (cancellation, amendment) stay in the service;
/// results carry the price code billing charges, once per resulted test (amendments never charge again).
/// </summary>
public sealed class LabEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        LabOrderPlaced e => new V1.LabOrderPlaced(
            committed.Id, e.VisitId, e.PatientId, e.OrderedAt, committed.Timestamp, e.OrderId, Word(e.Priority),
            [.. e.Tests.Select(t => new V1.OrderedLabTest(t.Test.Code, t.Test.Name, t.Test.Specimen, Word(t.Test.Performed)))]),
        LabOrderCancelled e => new V1.LabOrderCancelled(committed.Id, e.VisitId, e.PatientId, e.CancelledAt, committed.Timestamp, e.OrderId, e.TestCodes),
        SpecimenCollected e => new V1.SpecimenCollected(
            committed.Id, e.VisitId, e.PatientId, e.CollectedAt, committed.Timestamp, e.OrderId, e.SpecimenId, e.AccessionId, e.SpecimenType, e.TestCodes),
        SpecimenRejected e => new V1.SpecimenRejected(
            committed.Id, e.VisitId, e.PatientId, e.RejectedAt, committed.Timestamp, e.OrderId, e.SpecimenId, e.AccessionId, Word(e.Reason), e.TestCodes),
        RecollectionRequested e => new V1.RecollectionRequested(
            committed.Id, e.VisitId, e.PatientId, e.RequestedAt, committed.Timestamp, e.OrderId, e.RejectedSpecimenId, e.SpecimenType, e.TestCodes),
        SpecimenSentOut e => new V1.SpecimenSentOut(
            committed.Id, e.VisitId, e.PatientId, e.SentAt, committed.Timestamp, e.OrderId, e.SpecimenId, e.AccessionId, e.ExternalLab, e.TestCodes, e.ExpectedBy),
        SendOutOverdue e => new V1.SendOutOverdue(
            committed.Id, e.VisitId, e.PatientId, e.DetectedAt, committed.Timestamp, e.OrderId, e.SpecimenId, e.AccessionId, e.ExternalLab, e.TestCodes, e.ExpectedBy),
        LabResultRecorded e => new V1.LabResultRecorded(
            committed.Id, e.VisitId, e.PatientId, e.ResultedAt, committed.Timestamp, e.OrderId, e.TestCode, e.Value, e.Unit, e.Flag, e.BillingCode,
            e.ReferenceRange, e.AccessionId),
        CriticalResultFlagged e => new V1.CriticalResultFlagged(
            committed.Id, e.VisitId, e.PatientId, e.FlaggedAt, committed.Timestamp, e.OrderId, e.TestCode, e.Flag, e.AcknowledgeBy),
        LabResultAcknowledged e => new V1.LabResultAcknowledged(
            committed.Id, e.VisitId, e.PatientId, e.AcknowledgedAt, committed.Timestamp, e.OrderId, e.TestCode, e.Critical, e.AcknowledgedBy),
        CriticalResultEscalated e => new V1.CriticalResultEscalated(
            committed.Id, e.VisitId, e.PatientId, e.EscalatedAt, committed.Timestamp, e.OrderId, e.TestCode, e.AcknowledgeBy),
        LabResultAmended e => new V1.LabResultAmended(
            committed.Id, e.VisitId, e.PatientId, e.AmendedAt, committed.Timestamp, e.OrderId, e.TestCode, e.Value, e.Unit, e.Flag, e.OriginalValue, e.OriginalFlag),
        _ => null,
    };

    private static string Word<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
