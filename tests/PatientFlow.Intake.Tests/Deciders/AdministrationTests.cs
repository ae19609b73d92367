using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Administering;
using PatientFlow.Intake.Encounters.CorrectingEntries;
using PatientFlow.Intake.Encounters.Instructing;
using PatientFlow.Intake.Encounters.Ordering;
using PatientFlow.Intake.Encounters.SeeingProvider;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

/// <summary>Immunizations, injections, instructions, the provider's start, orders and entered-in-error.</summary>
public class AdministrationTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.DateTime);
    private static readonly EncounterCompleted Completed = new(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("99213", 1)], Now.AddMinutes(-1));

    private static readonly AdministerImmunization Flu = new("141", "Influenza, seasonal", "LOT-77A", Today.AddMonths(6), "left-deltoid", AdministrationRoute.IM, 0.5m, "mL");

    private static DecisionOutcome Immunize(AdministerImmunization command) => Given(Opened).When(s => AdministerDecider.Decide(s, command, Now));

    [Fact]
    public void GivenOpenEncounter_WhenImmunizationAdministered_ThenRecordedWithLotSiteRouteAndDose() =>
        Immunize(Flu).Then(new ImmunizationAdministered(VisitId, PatientId, "141", "Influenza, seasonal",
            new Administration("LOT-77A", Today.AddMonths(6), "left-deltoid", AdministrationRoute.IM, 0.5m, "mL", Now)));

    [Fact]
    public void GivenOpenEncounter_WhenTheLotExpiredYesterday_ThenExpiresOnRejected() =>
        Immunize(Flu with { ExpiresOn = Today.AddDays(-1) }).ThenRejects("expiresOn");

    [Fact]
    public void GivenOpenEncounter_WhenTheLotExpiresToday_ThenAdministered() =>
        Immunize(Flu with { ExpiresOn = Today }).ThenSingle<ImmunizationAdministered>();

    [Fact]
    public void GivenOpenEncounter_WhenBackDatedToADayTheLotWasValid_ThenAdministered() =>
        Immunize(Flu with { ExpiresOn = Today.AddDays(-1), AdministeredAt = Now.AddDays(-2) }).ThenSingle<ImmunizationAdministered>();

    public static TheoryData<AdministerImmunization, string> InvalidImmunizations => new()
    {
        { Flu with { CvxCode = "1411" }, "cvxCode" },
        { Flu with { CvxCode = "FLU" }, "cvxCode" },
        { Flu with { Lot = " " }, "lot" },
        { Flu with { ExpiresOn = null }, "expiresOn" },
        { Flu with { Site = null }, "site" },
        { Flu with { Route = null }, "route" },
        { Flu with { DoseAmount = 0 }, "doseAmount" },
        { Flu with { DoseUnit = "" }, "doseUnit" },
        { Flu with { AdministeredAt = Now.AddHours(1) }, "administeredAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidImmunizations))]
    public void GivenOpenEncounter_WhenImmunizationInvalid_ThenTheFieldIsRejected(AdministerImmunization command, string field) =>
        Immunize(command).ThenRejects(field);

    [Fact]
    public void GivenOpenEncounter_WhenInjectionWithAnExpiredLot_ThenExpiresOnRejected() =>
        Given(Opened).When(s => AdministerDecider.Decide(s, new AdministerInjection("ceftriaxone", "J0696", "L1", Today.AddDays(-3), "right-gluteal", AdministrationRoute.IM, 250, "mg"), Now))
            .ThenRejects("expiresOn");

    [Fact]
    public void GivenOpenEncounter_WhenInjectionWithAMalformedJCode_ThenHcpcsCodeRejected() =>
        Given(Opened).When(s => AdministerDecider.Decide(s, new AdministerInjection("ceftriaxone", "J69", "L1", Today.AddDays(30), "right-gluteal", AdministrationRoute.IM, 250, "mg"), Now))
            .ThenRejects("hcpcsCode");

    [Fact]
    public void GivenOpenEncounter_WhenInjectionGiven_ThenRecordedWithItsJCode() =>
        Given(Opened).When(s => AdministerDecider.Decide(s, new AdministerInjection("ceftriaxone", "j0696", "L1", Today.AddDays(30), "right-gluteal", AdministrationRoute.IM, 250, "mg"), Now))
            .ThenSingle<InjectionAdministered>().HcpcsCode.Should().Be("J0696");

    [Fact]
    public void GivenCompletedEncounter_WhenInstructionsGiven_ThenRecorded() =>
        Given(Opened, Completed).When(s => GiveInstructionsDecider.Decide(s, new GiveInstructions(InstructionKind.PostVisitCare, "Sore throat", "Fluids, rest."), Now))
            .Then(new InstructionsGiven(VisitId, PatientId, InstructionKind.PostVisitCare, "Sore throat", "Fluids, rest.", Now));

    [Fact]
    public void GivenOpenEncounter_WhenInstructionsWithoutKind_ThenKindRejected() =>
        Given(Opened).When(s => GiveInstructionsDecider.Decide(s, new GiveInstructions(null, "x", "y"), Now)).ThenRejects("kind");

    [Fact]
    public void GivenRoomedPatient_WhenProviderStarts_ThenStartedNow() =>
        Given(Opened).When(s => StartProviderEncounterDecider.Decide(s, new StartProviderEncounter(), Now))
            .Then(new ProviderEncounterStarted(VisitId, PatientId, ProviderId, Now));

    [Fact]
    public void GivenProviderStarted_WhenProviderStartsAgain_ThenConflict() =>
        Given(Opened, new ProviderEncounterStarted(VisitId, PatientId, ProviderId, Now.AddMinutes(-2)))
            .When(s => StartProviderEncounterDecider.Decide(s, new StartProviderEncounter(), Now)).ThenConflicts();

    [Fact]
    public void GivenImmunizationRecorded_WhenEnteredInErrorAfterCompletion_ThenMarkedWithItsKind()
    {
        var id = Guid.CreateVersion7();
        var given = new ImmunizationAdministered(VisitId, PatientId, "141", null, new Administration("L", Today, "arm", AdministrationRoute.IM, 0.5m, "mL", Now));
        Given(Opened, Recorded(given, id), Completed)
            .When(s => MarkEnteredInErrorDecider.Decide(s, id, new MarkEnteredInError("wrong patient"), Now))
            .Then(new EntryEnteredInError(VisitId, PatientId, id, EntryKind.Immunization, "wrong patient", Now));
    }

    [Fact]
    public void GivenEntryAlreadyInError_WhenMarkedAgain_ThenConflict()
    {
        var id = Guid.CreateVersion7();
        Given(Opened, Recorded(new ChiefComplaintRecorded(VisitId, PatientId, "cough", null, Now), id), new EntryEnteredInError(VisitId, PatientId, id, EntryKind.ChiefComplaint, "x", Now))
            .When(s => MarkEnteredInErrorDecider.Decide(s, id, new MarkEnteredInError("again"), Now)).ThenConflicts();
    }

    [Fact]
    public void GivenEncounter_WhenAnUnknownEntryIsMarked_ThenNotFound() =>
        Given(Opened).When(s => MarkEnteredInErrorDecider.Decide(s, Guid.CreateVersion7(), new MarkEnteredInError("x"), Now)).ThenNotFound();

    [Fact]
    public void GivenVitalsRecorded_WhenMarkedWithoutReason_ThenReasonRejected()
    {
        var id = Guid.CreateVersion7();
        Given(Opened, Recorded(new VitalsRecorded(VisitId, PatientId, [], Now), id))
            .When(s => MarkEnteredInErrorDecider.Decide(s, id, new MarkEnteredInError(""), Now)).ThenRejects("reason");
    }

    [Fact]
    public void GivenOpenEncounter_WhenOrderingATestTwice_ThenTestCodesRejected() =>
        new DecisionOutcome(() => [.. PlaceOrdersDecider.Validate(Given(Opened).State, new OrderLabTests(["4548-4", "4548-4"]))]).ThenRejects("testCodes");

    [Fact]
    public void GivenOpenEncounter_WhenOrderingNoTest_ThenTestCodesRejected() =>
        new DecisionOutcome(() => [.. PlaceOrdersDecider.Validate(Given(Opened).State, new OrderLabTests([]))]).ThenRejects("testCodes");

    [Fact]
    public void GivenCompletedEncounter_WhenOrdering_ThenConflict() =>
        new DecisionOutcome(() => [.. PlaceOrdersDecider.Validate(Given(Opened, Completed).State, new OrderLabTests(["4548-4"]))]).ThenConflicts();

    [Fact]
    public void GivenOpenEncounter_WhenReferralWithoutKind_ThenKindRejected() =>
        new DecisionOutcome(() =>
        {
            PlaceOrdersDecider.Validate(Given(Opened).State, new RequestReferral(null, "cardiology", Reason: "chest pain"));
            return [];
        }).ThenRejects("kind");
}
