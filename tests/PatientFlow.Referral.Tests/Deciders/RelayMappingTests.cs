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
            committed.Id, VisitId, PatientId, Now, recorded, ReferralId, "imaging", "mri", "emergent", Now.AddDays(1)));
    }

    public static TheoryData<object> EveryEvent() =>
    [
        Created(),
        new AdmissionRequested(ReferralId, VisitId, PatientId, "St. Mary's Hospital", ReferralUrgency.Urgent, Now),
        AuthRequested(),
        AuthApproved(),
        AuthDenied(),
        new AuthorizationAppealed(ReferralId, VisitId, PatientId, "new ECG findings", Staff, Now),
        BookedInNetwork(),
        new ReferralReportReceived(ReferralId, VisitId, PatientId, ReportKind.ConsultReport, "seen", Staff, Now),
        new ReferralSchedulingOverdue(ReferralId, VisitId, PatientId, Now, Now),
        new ReferralReportOverdue(ReferralId, VisitId, PatientId, Now, Now),
        new ReferralReopened(ReferralId, VisitId, PatientId, ReopenReason.NoShow, AppointmentId, Now, Now),
        new ReferralCancelled(ReferralId, VisitId, PatientId, "patient declined", Staff, Now),
    ];

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void GivenAnyReferralEvent_WhenRelayed_ThenPublishedForTheReferringVisitWithTheCommittedEventsId(object domainEvent)
    {
        var committed = new Event<object>(domainEvent) { Id = Guid.CreateVersion7(), StreamId = ReferralId, Timestamp = Now };

        var relayed = new ReferralEventRelay().Map(committed).Should().BeAssignableTo<PatientFlow.Contracts.IVisitEvent>().Subject;

        relayed.EventId.Should().Be(committed.Id);
        relayed.VisitId.Should().Be(VisitId);
    }

    [Fact]
    public void GivenReportReceived_WhenRelayed_ThenTheLoopClosesWithTheKindAndNotTheSummary() =>
        new ReferralEventRelay().Map(new Event<ReferralReportReceived>(new ReferralReportReceived(
                ReferralId, VisitId, PatientId, ReportKind.ImagingResult, "No acute findings", Staff, Now)) { Id = Guid.CreateVersion7(), Timestamp = Now })
            .Should().BeOfType<V1.ReferralLoopClosed>().Which.ReportKind.Should().Be("imaging-result");

    [Fact]
    public void GivenReportOverdue_WhenRelayed_ThenOverdueAtTheReportStage() =>
        new ReferralEventRelay().Map(new Event<ReferralReportOverdue>(new ReferralReportOverdue(ReferralId, VisitId, PatientId, Now, Now.AddMinutes(1)))
            { Id = Guid.CreateVersion7(), Timestamp = Now })
            .Should().BeOfType<V1.ReferralOverdue>().Which.Should().Match<V1.ReferralOverdue>(o => o.Stage == "report" && o.Deadline == Now);
}
