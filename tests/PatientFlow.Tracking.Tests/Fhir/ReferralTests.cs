using Hl7.Fhir.Model;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Fhir;
using static PatientFlow.Tracking.Tests.Fhir.FhirJson;

namespace PatientFlow.Tracking.Tests.Fhir;

public class ReferralTests
{
    private readonly ClinicVisit visit = ClinicVisit.New();
    private readonly Guid referralId = Guid.CreateVersion7();

    private static ServiceRequest ReferralOf(params IVisitEvent[] events) => RoundTrip(VisitResources.Build(events).ServiceRequests.Single());

    [Fact]
    public void Build_ReferralCreated_ActiveReferralOrderForTheSpecialty()
    {
        var request = ReferralOf(visit.ReferralCreated(referralId, minute: 56, urgency: "emergent"));

        request.Id.Should().Be(referralId.ToString("D"));
        request.Status.Should().Be(RequestStatus.Active);
        request.Intent.Should().Be(RequestIntent.Order);
        request.Priority.Should().Be(RequestPriority.Stat);
        request.Category.First().Coding.Single().Should().BeEquivalentTo(new { System = Terminology.Snomed, Code = "3457005" });
        request.Category.Last().Text.Should().Be("specialist");
        request.Code?.Text.Should().Be("cardiology");
        request.Subject.Reference.Should().Be($"Patient/{visit.PatientId:D}");
        Time(request.AuthoredOnElement).Should().Be(visit.At(56));
    }

    [Fact]
    public void Build_ReferralScheduledThenClosed_CompletedWithWhenAndWhere()
    {
        var closed = visit.ReferralClosed(referralId, minute: 9000);

        var request = ReferralOf(visit.ReferralCreated(referralId), visit.ReferralScheduled(referralId, minute: 200, appointmentMinute: 7000), closed);

        request.Status.Should().Be(RequestStatus.Completed);
        Time(request.Occurrence).Should().Be(visit.At(7000));
        request.Performer.Single().Display.Should().Be("Heart Institute");
        request.Meta?.LastUpdated.Should().Be(closed.RecordedAt);
    }

    [Fact]
    public void Build_ReferralCancelled_Revoked()
    {
        ReferralOf(visit.ReferralCreated(referralId), visit.ReferralCancelled(referralId, 100)).Status.Should().Be(RequestStatus.Revoked);
    }

    [Fact]
    public void Build_ReferralReopenedAfterItsAppointmentWasMissed_ActiveAgainAndNoLongerScheduled()
    {
        var request = ReferralOf(
            visit.ReferralCreated(referralId), visit.ReferralScheduled(referralId, 200, 7000), visit.ReferralReopened(referralId, 7100));

        request.Status.Should().Be(RequestStatus.Active);
        request.Occurrence.Should().BeNull();
    }
}
