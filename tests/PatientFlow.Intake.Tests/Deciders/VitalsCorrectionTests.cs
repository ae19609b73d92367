using JasperFx.Events;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.CorrectingVitals;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

public class VitalsCorrectionTests
{
    private static readonly Guid SetId = Guid.CreateVersion7();
    private static readonly Event<VitalsRecorded> Taken = new(new VitalsRecorded(
        VisitId, PatientId, [new VitalSign("8867-4", "heart-rate", 180, "/min", true)], Now.AddMinutes(-10))) { Id = SetId };

    private static DecisionOutcome Correct(CorrectVitals command, params object[] history) =>
        Given([Opened, .. history]).When(s => CorrectVitalsDecider.Decide(s, SetId, command, Now));

    [Fact]
    public void GivenVitalsOnRecord_WhenCorrected_ThenTheWholeSetIsReplacedKeepingItsTime() =>
        Correct(new CorrectVitals(Reason: "typed 180 for 80") { HeartRate = 80 }, Taken)
            .Then(new VitalsCorrected(VisitId, PatientId, SetId, [new VitalSign("8867-4", "heart-rate", 80, "/min", false)],
                Now.AddMinutes(-10), "typed 180 for 80", Now));

    [Fact]
    public void GivenCompletedEncounter_WhenVitalsCorrected_ThenAllowedAsAnAmendment() =>
        Correct(new CorrectVitals(Reason: "amendment") { HeartRate = 80 }, Taken, new EncounterCompleted(VisitId, PatientId, ProviderId, ["I10"], [], Now.AddMinutes(-1)))
            .ThenSingle<VitalsCorrected>().CorrectedVitalsId.Should().Be(SetId);

    [Fact]
    public void GivenNoSuchSet_WhenCorrected_ThenNotFound()
    {
        var decide = () => Given(Opened).When(s => CorrectVitalsDecider.Decide(s, Guid.CreateVersion7(), new CorrectVitals(Reason: "x") { HeartRate = 80 }, Now)).ThenSingle<VitalsCorrected>();
        decide.Should().Throw<PatientFlow.ServiceDefaults.Problems.NotFoundException>();
    }

    [Fact]
    public void GivenVitalsOnRecord_WhenCorrectedWithoutReason_ThenReasonRejected() =>
        Correct(new CorrectVitals() { HeartRate = 80 }, Taken).ThenRejects("reason");

    [Fact]
    public void GivenVitalsOnRecord_WhenCorrectedToNothing_ThenBodyRejected() =>
        Correct(new CorrectVitals(Reason: "x"), Taken).ThenRejects("body");

    [Fact]
    public void GivenVitalsOnRecord_WhenCorrectedWithImpossibleValue_ThenFieldRejected() =>
        Correct(new CorrectVitals(Reason: "x") { HeartRate = 500 }, Taken).ThenRejects("heartRate");
}
