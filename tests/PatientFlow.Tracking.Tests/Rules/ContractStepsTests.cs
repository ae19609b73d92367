using PatientFlow.Contracts;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Referral.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.Messaging;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Rules;

public class ContractStepsTests
{
    public static TheoryData<Type, VisitStage?> StageByContract => new()
    {
        { typeof(AppointmentBooked), VisitStage.Booked },
        { typeof(PatientCheckedIn), VisitStage.Arrived },
        { typeof(PatientRoomed), VisitStage.Roomed },
        { typeof(VitalsRecorded), VisitStage.IntakeDone },
        { typeof(ProviderEncounterStarted), VisitStage.WithProvider },
        { typeof(EncounterCompleted), VisitStage.ProviderDone },
        { typeof(LabOrderPlaced), VisitStage.LabPending },
        { typeof(PatientCheckedOut), VisitStage.CheckedOut },
        { typeof(ClaimCreated), VisitStage.ClaimCreated },
        { typeof(EncounterOpened), null },
        { typeof(LabResultRecorded), null },
        { typeof(ReferralCreated), null },
        { typeof(ReminderDue), null },
        { typeof(EntryEnteredInError), null },
    };

    [Theory]
    [MemberData(nameof(StageByContract))]
    public void GivenContract_WhenMapped_ThenItsStage(Type contract, VisitStage? stage) =>
        ContractSteps.StageOf(contract).Should().Be(stage);

    [Fact]
    public void GivenEveryPlatformContract_WhenNamed_ThenDistinctProducerNameVersion()
    {
        var names = PlatformTopology.AllIntegrationEvents.Select(ContractSteps.NameOf).ToArray();

        names.Should().OnlyHaveUniqueItems().And.AllSatisfy(name => name.Should().MatchRegex(@"^[a-z]+\.[a-z]+(-[a-z]+)*\.v[0-9]+$"));
        names.Should().Contain(["scheduling.appointment-booked.v1", "lab.lab-result-recorded.v1", "referral.referral-created.v1"]);
    }

    [Fact]
    public void GivenCheckIn_WhenMapped_ThenStepCarriesIdsTimesAndPlace()
    {
        var visit = VisitScript.New("north", DateTimeOffset.UtcNow);
        var checkedIn = visit.CheckedIn(minute: 4);

        var step = ContractSteps.ToStep(checkedIn);

        (step with { Payload = null }).Should().Be(new JourneyStepRecorded(
            visit.VisitId, visit.PatientId, checkedIn.EventId, "scheduling.patient-checked-in.v1", VisitStage.Arrived,
            visit.At(4), visit.At(5), "north", visit.ProviderId, null));
        // The event itself rides along for the integrator feed, as its producer published it.
        System.Text.Json.JsonSerializer.Deserialize<PatientFlow.Contracts.Scheduling.V1.PatientCheckedIn>(
            step.Payload!.Value, PatientFlow.Tracking.Journeys.ContractJson.Options).Should().Be(checkedIn);
    }

    [Fact]
    public void GivenReferral_WhenMapped_ThenStepWithoutStage()
    {
        var referral = VisitScript.New("north", DateTimeOffset.UtcNow).ReferralCreated();

        var step = ContractSteps.ToStep(referral);

        step.Stage.Should().BeNull();
        step.EventType.Should().Be("referral.referral-created.v1");
        step.SourceEventId.Should().Be(referral.EventId);
    }
}
