using JasperFx.Events;
using PatientFlow.Billing.Claims;
using PatientFlow.Contracts;
using PatientFlow.ServiceDefaults.Messaging;
using V1 = PatientFlow.Contracts.Billing.V1;

namespace PatientFlow.Billing.Integration;

/// <summary>Only the drafted claim is public; charges stay inside billing until they are on a claim.</summary>
public sealed class BillingEventRelay : IIntegrationEventMapper
{
    // The claim stream's id is the claim id, so the visit comes from the event itself.
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        ClaimCreated created => new V1.ClaimCreated(
            committed.Id, created.VisitId, created.PatientId, created.CreatedAt, committed.Timestamp,
            created.ClaimId, created.Lines.Count, created.TotalCharge, created.Currency),
        _ => null,
    };
}
