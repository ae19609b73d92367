using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Fees;
using static PatientFlow.Billing.Tests.Deciders.AccountSpec;

namespace PatientFlow.Billing.Tests.Deciders;

/// <summary>
/// Lab tests charged one by one, a claim that waits for ordered tests (or not), charges that arrive after the claim and
/// the modifiers a charge carries onto its claim line.
/// </summary>
public class LateChargeTests
{
    private const string GlucoseLoinc = "2345-7";
    private const string A1cLoinc = "4548-4";

    private static readonly FeeSchedule LabFees = new("USD", new Dictionary<string, decimal>
    {
        ["99213"] = 90.00m, ["87880"] = 25.00m, ["82947"] = 15.00m, ["83036"] = 20.00m,
    });

    private static readonly Guid WaitingClaimId = Guid.CreateVersion7();
    private static readonly NewClaim Waiting = new(WaitingClaimId, "USD", Now, WaitForLabResults: true);
    // A claim this decision would draft; a late charge must go to the claim already drafted, never to this one.
    private static readonly NewClaim Unused = new(Guid.CreateVersion7(), "USD", Now);

    private static readonly ChargeLabResult GlucoseResult = new(VisitId, PatientId, OrderId, "82947", ResultedAt, GlucoseLoinc);
    private static readonly ChargeLabResult A1cResult = new(VisitId, PatientId, OrderId, "83036", ResultedAt.AddMinutes(2), A1cLoinc);

    private static readonly Charge A1c = new(ChargeSource.Lab, "83036", 1, 20.00m, 20.00m, "USD", [], false);
    private static readonly LabResultCharged GlucoseCharged = new(VisitId, PatientId, OrderId, Glucose, ResultedAt, GlucoseLoinc);
    private static readonly LabResultCharged A1cCharged = new(VisitId, PatientId, OrderId, A1c, ResultedAt.AddMinutes(2), A1cLoinc);

    private static readonly LabTestsOrdered OrderedBoth = new(VisitId, PatientId, OrderId, [GlucoseLoinc, A1cLoinc]);
    private static readonly LabTestsOrdered OrderedGlucose = new(VisitId, PatientId, OrderId, [GlucoseLoinc]);

    private static readonly ClaimLine OfficeVisitLine = new(1, "99213", 1, 90.00m, 90.00m, [1, 2], ChargeSource.Encounter, false);
    private static readonly ClaimLine StrepTestLine = new(2, "87880", 1, 25.00m, 25.00m, [1, 2], ChargeSource.Encounter, false);
    private static readonly ClaimLine GlucoseLine = new(3, "82947", 1, 15.00m, 15.00m, [1], ChargeSource.Lab, false);
    private static readonly ClaimLine A1cLine = new(4, "83036", 1, 20.00m, 20.00m, [1], ChargeSource.Lab, false);

    private static ClaimCreated ClaimOf(Guid claimId, params ClaimLine[] lines) => new(
        claimId, VisitId, PatientId, ProviderId, "north", new DateOnly(2025, 3, 4), ["J02.9", "R50.9"], lines, lines.Sum(l => l.Amount), "USD", Now);

    private static LabTestsCancelled Cancelled(params string[] testCodes) => new(VisitId, PatientId, OrderId, testCodes);

    private static BillingAccount? State(params object[] history) => BillingAccount.Replay(null, history);

    private static VisitDecision Result(BillingAccount? state, ChargeLabResult command, NewClaim next) =>
        ChargeLabResultDecider.Decide(state, command, LabFees, next);

    /// <summary>The decision's account events, then the claim it drafted if any, in order.</summary>
    private static void Then(VisitDecision decision, params object[] expected)
    {
        List<object> actual = decision.Claim is { } claim ? [.. decision.AccountEvents, claim] : [.. decision.AccountEvents];
        actual.Should().BeEquivalentTo(expected, options => options.RespectingRuntimeTypes().WithStrictOrdering());
    }

    // Lab charges, one per resulted test

    [Fact]
    public void GivenOneTestOfAnOrderCharged_WhenAnotherTestOfThatOrderResulted_ThenItIsChargedToo() =>
        Then(Result(State(Booked, GlucoseCharged), A1cResult, Next), A1cCharged);

    [Fact]
    public void GivenNoAccount_WhenBothTestsOfOneOrderResulted_ThenTwoLabCharges()
    {
        var first = Result(null, GlucoseResult, Next);
        var afterFirst = State([.. first.AccountEvents]);
        var second = Result(afterFirst, A1cResult, Next);

        Then(first, GlucoseCharged);
        Then(second, A1cCharged);
        BillingAccount.Replay(afterFirst, second.AccountEvents)!.Charges.Select(c => c.Code).Should().Equal("82947", "83036");
    }

    [Fact]
    public void GivenTestCharged_WhenSameTestResultedAgain_ThenNothingIsCharged() =>
        Then(Result(State(Booked, GlucoseCharged), GlucoseResult with { ResultedAt = ResultedAt.AddMinutes(5) }, Next));

    [Fact]
    public void GivenTestCharged_WhenSameTestRedeliveredWithCodeSpacedDifferently_ThenNothingIsCharged() =>
        Then(Result(State(Booked, GlucoseCharged), GlucoseResult with { TestCode = $" {GlucoseLoinc} " }, Next));

    // Waiting for ordered tests (Billing:Claims:LateCharges = Wait)

    [Fact]
    public void GivenEncounterCompleteAndTestPending_WhenCheckOutWhileWaiting_ThenNoClaim() =>
        Then(RecordCheckOutDecider.Decide(State(Booked, Charged, OrderedGlucose), CheckOut, Waiting), CheckedOut);

    [Fact]
    public void GivenCheckedOutAndTestPending_WhenEncounterCompletesWhileWaiting_ThenNoClaim() =>
        Then(ChargeEncounterDecider.Decide(State(Booked, OrderedGlucose, CheckedOut), Complete, LabFees, Waiting), Charged);

    [Fact]
    public void GivenCheckedOutAndTwoTestsPending_WhenOnlyOneResultedWhileWaiting_ThenChargedButNoClaim() =>
        Then(Result(State(Booked, Charged, OrderedBoth, CheckedOut), GlucoseResult, Waiting), GlucoseCharged);

    [Fact]
    public void GivenCheckedOutAndLastTestPending_WhenItIsResultedWhileWaiting_ThenClaimDraftedWithEveryLabLine()
    {
        var decision = Result(State(Booked, Charged, OrderedBoth, GlucoseCharged, CheckedOut), A1cResult, Waiting);

        Then(decision, A1cCharged, new ClaimDrafted(VisitId, WaitingClaimId),
            ClaimOf(WaitingClaimId, OfficeVisitLine, StrepTestLine, GlucoseLine, A1cLine));
        decision.LateCharges.Should().BeNull("the result is on the claim it completes, not late");
    }

    [Fact]
    public void GivenCheckedOutAndLastTestPending_WhenItIsCancelledWhileWaiting_ThenClaimDraftedWithoutIt() =>
        Then(LabOrderDecider.Cancelled(State(Booked, Charged, OrderedBoth, GlucoseCharged, CheckedOut), Cancelled(A1cLoinc), Waiting),
            Cancelled(A1cLoinc), new ClaimDrafted(VisitId, WaitingClaimId),
            ClaimOf(WaitingClaimId, OfficeVisitLine, StrepTestLine, GlucoseLine));

    [Fact]
    public void GivenEncounterCompleteAndTestPending_WhenCheckOutNotWaiting_ThenClaimDraftedAtCheckOut() =>
        Then(RecordCheckOutDecider.Decide(State(Booked, Charged, OrderedBoth), CheckOut, Next),
            CheckedOut, Drafted, ClaimOf(ClaimId, OfficeVisitLine, StrepTestLine));

    // Orders and cancellations as the account notes them

    [Fact]
    public void GivenTestsOrdered_WhenSameOrderRedelivered_ThenNothingIsNoted() =>
        Then(LabOrderDecider.Ordered(State(Booked, OrderedBoth), OrderedBoth, Waiting));

    [Fact]
    public void GivenTestAlreadyResulted_WhenItsOrderArrivesLate_ThenNothingIsNotedToWaitFor() =>
        Then(LabOrderDecider.Ordered(State(Booked, GlucoseCharged), OrderedGlucose, Waiting));

    [Fact]
    public void GivenOneTestOrdered_WhenOrderArrivesWithAnotherTest_ThenOnlyTheNewTestIsNoted() =>
        Then(LabOrderDecider.Ordered(State(Booked, OrderedGlucose), OrderedBoth, Waiting), OrderedGlucose with { TestCodes = [A1cLoinc] });

    [Fact]
    public void GivenNoTestOrdered_WhenTestCancelled_ThenNothingIsNoted() =>
        Then(LabOrderDecider.Cancelled(State(Booked), Cancelled(GlucoseLoinc), Waiting));

    [Fact]
    public void GivenTestResulted_WhenItIsCancelled_ThenNothingIsNoted() =>
        Then(LabOrderDecider.Cancelled(State(Booked, OrderedGlucose, GlucoseCharged), Cancelled(GlucoseLoinc), Waiting));

    [Fact]
    public void GivenOneTestPending_WhenItAndAnUnknownTestAreCancelled_ThenOnlyThePendingTestIsNoted() =>
        Then(LabOrderDecider.Cancelled(State(Booked, OrderedGlucose), Cancelled(GlucoseLoinc, A1cLoinc), Waiting),
            Cancelled(GlucoseLoinc));

    // Charges after the claim

    [Fact]
    public void GivenClaimDrafted_WhenLabResultArrives_ThenChargedOnAccountAndHandedToThatClaimAsLateCharge()
    {
        var decision = Result(State(Booked, Charged, CheckedOut, Drafted), GlucoseResult, Unused);

        decision.AccountEvents.Should().BeEquivalentTo([GlucoseCharged], options => options.RespectingRuntimeTypes());
        decision.Claim.Should().BeNull();
        decision.LateCharges.Should().BeEquivalentTo([Glucose]);
        decision.ClaimId.Should().Be(ClaimId);
    }

    [Fact]
    public void GivenClaimDraftedWhileTestPending_WhenThatTestIsResulted_ThenItIsALateCharge()
    {
        var decision = Result(State(Booked, Charged, OrderedGlucose, CheckedOut, Drafted), GlucoseResult, Unused);

        decision.Claim.Should().BeNull();
        decision.LateCharges.Should().BeEquivalentTo([Glucose]);
        decision.ClaimId.Should().Be(ClaimId);
    }

    [Fact]
    public void GivenClaimDrafted_WhenEncounterRepeated_ThenNoLateCharges()
    {
        var decision = ChargeEncounterDecider.Decide(
            State(Booked, Charged, CheckedOut, Drafted), Complete with { Procedures = [new PerformedProcedure("99214", 1)] }, LabFees, Unused);

        decision.AccountEvents.Should().BeEmpty();
        decision.Claim.Should().BeNull();
        decision.LateCharges.Should().BeNullOrEmpty();
        decision.ClaimId.Should().BeNull();
    }

    [Fact]
    public void GivenClaimDraftedAndTestCharged_WhenSameResultRedelivered_ThenNoLateCharges()
    {
        var decision = Result(State(Booked, Charged, CheckedOut, GlucoseCharged, Drafted), GlucoseResult, Unused);

        decision.AccountEvents.Should().BeEmpty();
        decision.LateCharges.Should().BeNullOrEmpty();
        decision.ClaimId.Should().BeNull();
    }

    [Fact]
    public void GivenNoClaimYet_WhenLabResultArrives_ThenItIsNoLateCharge()
    {
        var decision = Result(State(Booked, Charged), GlucoseResult, Unused);

        decision.AccountEvents.Should().ContainSingle();
        decision.LateCharges.Should().BeNull();
        decision.ClaimId.Should().BeNull();
    }

    // Modifiers

    [Fact]
    public void GivenBooked_WhenChargeEncounterWithModifier25_ThenTheChargeCarriesIt()
    {
        var decision = ChargeEncounterDecider.Decide(
            State(Booked), Complete with { Procedures = [new PerformedProcedure("99213", 1, ["25"]), new PerformedProcedure("87880", 1)] }, LabFees, Next);

        var charges = decision.AccountEvents.Should().ContainSingle().Which.Should().BeOfType<EncounterCharged>().Which.Charges;
        charges.Should().HaveCount(2);
        charges[0].Modifiers.Should().Equal("25");
        charges[1].Modifiers.Should().BeNull();
    }

    [Fact]
    public void GivenBookedAndCheckedOut_WhenChargeEncounterWithModifier25_ThenTheClaimLineCarriesIt() =>
        Then(ChargeEncounterDecider.Decide(
                State(Booked, CheckedOut), Complete with { Procedures = [new PerformedProcedure("99213", 1, ["25"]), new PerformedProcedure("87880", 1)] },
                LabFees, Next),
            Charged with { Charges = [OfficeVisit with { Modifiers = ["25"] }, StrepTest] },
            Drafted,
            ClaimOf(ClaimId, OfficeVisitLine with { Modifiers = ["25"] }, StrepTestLine));

    [Fact]
    public void GivenBooked_WhenChargeEncounterWithLowerCaseModifiers_ThenTheyAreUpperCasedInOrder() =>
        ChargeEncounterDecider.Decide(
                State(Booked), Complete with { Procedures = [new PerformedProcedure("87880", 1, [" qw", "59"])] }, LabFees, Next)
            .AccountEvents.Should().ContainSingle().Which.Should().BeOfType<EncounterCharged>().Which.Charges
            .Should().ContainSingle().Which.Modifiers.Should().Equal("QW", "59");
}
