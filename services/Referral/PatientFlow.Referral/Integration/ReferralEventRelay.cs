using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Referral.Referrals;
using PatientFlow.ServiceDefaults.Messaging;
using V1 = PatientFlow.Contracts.Referral.V1;

namespace PatientFlow.Referral.Integration;

/// <summary>The contract names kind and urgency in the API's lower-case words and leaves the reason out.</summary>
public sealed class ReferralEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        ReferralCreated created => new V1.ReferralCreated(
            committed.Id, created.VisitId, created.PatientId, created.CreatedAt, committed.Timestamp,
            created.ReferralId, created.Kind.ToString().ToLowerInvariant(), created.Specialty, created.Urgency.ToString().ToLowerInvariant()),
        _ => null,
    };
}
