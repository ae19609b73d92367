using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Opening;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

public class OpeningTests
{
    private static readonly OpenEncounter Open = new(VisitId, PatientId, ProviderId, "north", Now.AddMinutes(-20));

    [Fact]
    public void GivenNoEncounter_WhenOpenEncounter_ThenEncounterOpenedAtArrivalTime() =>
        Given().When(Open).Then(new EncounterOpened(VisitId, PatientId, ProviderId, "north", Now.AddMinutes(-20)));

    [Fact]
    public void GivenOpenEncounter_WhenOpenEncounterAgain_ThenNothingHappens() =>
        Given(Opened).When(Open with { ArrivedAt = Now }).Then();

    [Fact]
    public void GivenCompletedEncounter_WhenOpenEncounterAgain_ThenNothingHappens() =>
        Given(Opened, new EncounterCompleted(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("99213", 1)], Now))
            .When(Open).Then();
}
