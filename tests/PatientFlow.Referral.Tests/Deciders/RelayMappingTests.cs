using JasperFx.Events;
using PatientFlow.Referral.Integration;
using PatientFlow.Referral.Referrals;
using V1 = PatientFlow.Contracts.Referral.V1;
using static PatientFlow.Referral.Tests.Deciders.ReferralSpec;

namespace PatientFlow.Referral.Tests.Deciders;

public class RelayMappingTests
{
    [Fact]
    public void GivenReferralCreated_WhenRelayed_ThenContractUsesApiWordsAndLeavesReasonOut()
    {
        var recorded = Now.AddSeconds(2);
        var committed = new Event<ReferralCreated>(new ReferralCreated(
            ReferralId, VisitId, PatientId, ReferralKind.Imaging, "mri", ReferralUrgency.Emergent, "Suspected cord compression",
            Now, Now.AddDays(1))) { Id = Guid.CreateVersion7(), StreamId = ReferralId, Timestamp = recorded };

        new ReferralEventRelay().Map(committed).Should().Be(new V1.ReferralCreated(
            committed.Id, VisitId, PatientId, Now, recorded, ReferralId, "imaging", "mri", "emergent"));
    }
}
