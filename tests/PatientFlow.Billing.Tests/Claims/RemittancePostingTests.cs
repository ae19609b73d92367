using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Claims.Acknowledging;
using PatientFlow.Billing.Claims.Adjudicating;
using PatientFlow.Billing.Claims.Coding;
using PatientFlow.Billing.Claims.Correcting;
using PatientFlow.Billing.Claims.Submitting;
using PatientFlow.Billing.X12;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Billing.Tests.Claims.ClaimSpec;

namespace PatientFlow.Billing.Tests.Claims;

public class RemittancePostingTests
{
    private static readonly Guid NewRemittanceId = Guid.CreateVersion7();

    private static readonly Adjustment Contractual99213 = new("CO", "45", 20.00m);
    private static readonly Adjustment Copay = new("PR", "3", 25.00m);
    private static readonly Adjustment Contractual87880 = new("CO", "45", 5.00m);
    private static readonly Adjustment Coinsurance = new("PR", "2", 4.00m);

    // CLP*C000123*1*115*61*29*12*ACME-PCN-0001~
    // SVC*HC:99213*90*45~ CAS*CO*45*20~ CAS*PR*3*25~
    // SVC*HC:87880*25*16~ CAS*CO*45*5~ CAS*PR*2*4~
    private static readonly ClaimPayment PaidInFull = new(
        PatientControlNumber, "1", 115.00m, 61.00m, 29.00m, PayerClaimNumber, [],
        [
            new ServicePayment("99213", [], 90.00m, 45.00m, 1, [Contractual99213, Copay]),
            new ServicePayment("87880", [], 25.00m, 16.00m, 1, [Contractual87880, Coinsurance]),
        ]);

    // CLP*C000123*1*115*45*25*12*ACME-PCN-0001~ ... SVC*HC:87880*25*0~ CAS*CO*97*25~ (bundled into the visit)
    private static readonly ClaimPayment StrepTestDenied = PaidInFull with
    {
        Paid = 45.00m,
        PatientResponsibility = 25.00m,
        Services = [PaidInFull.Services[0], new ServicePayment("87880", [], 25.00m, 0m, 1, [new Adjustment("CO", "97", 25.00m)])],
    };

    // CLP*C000123*4*115*0*0*12*ACME-PCN-0001~ CAS*CO*50*115~ (not medically necessary)
    private static readonly ClaimPayment DeniedByPayer = new(
        PatientControlNumber, "4", 115.00m, 0m, 0m, PayerClaimNumber, [new Adjustment("CO", "50", 115.00m)], []);

    private static IReadOnlyList<object> Post(Claim claim, ClaimPayment payment, Guid? remittanceId = null) =>
        AdjudicateClaimDecider.Decide(claim, payment, remittanceId ?? RemittanceId, TraceNumber, PaymentDate, Primary, Context);

    private static ClaimAdjudicated PostOne(Claim claim, ClaimPayment payment, Guid? remittanceId = null) =>
        Post(claim, payment, remittanceId).Should().ContainSingle().Which.Should().BeOfType<ClaimAdjudicated>().Subject;

    [Fact]
    public void GivenAnAcceptedClaim_WhenPaidWithContractualAndPatientAdjustments_ThenPaidWithThePatientsShare()
    {
        var events = Post(Accepted, PaidInFull);

        events.ShouldBe(new ClaimAdjudicated(
            ClaimId, VisitId, PatientId, RemittanceId, TraceNumber, PayerClaimNumber, "1", ClaimOutcome.Paid, 115.00m, 61.00m, 29.00m, [],
            [
                new LineAdjudication(1, "99213", 90.00m, 45.00m, [Contractual99213, Copay], false),
                new LineAdjudication(2, "87880", 25.00m, 16.00m, [Contractual87880, Coinsurance], false),
            ],
            PaymentDate, Now));
        Accepted.Then(events).Should().Match<Claim>(c => c.Status == ClaimStatus.Paid && c.PatientResponsibility == 29.00m && c.WorkQueue == null);
    }

    [Fact]
    public void GivenClp05DisagreeingWithThePatientAdjustments_WhenPosted_ThenThePatientsShareIsTheSumOfThePrAdjustments() =>
        PostOne(Accepted, PaidInFull with { PatientResponsibility = 25.00m }).PatientResponsibility.Should().Be(29.00m);

    [Fact]
    public void GivenAPatientAdjustmentOnTheClaimItself_WhenPosted_ThenItCountsTowardsThePatientsShare()
    {
        var deductible = PaidInFull with { Paid = 51.00m, PatientResponsibility = 39.00m, Adjustments = [new Adjustment("PR", "1", 10.00m)] };

        PostOne(Accepted, deductible).PatientResponsibility.Should().Be(39.00m);
    }

    [Fact]
    public void GivenNoPatientAdjustments_WhenPosted_ThenThePatientsShareIsClp05()
    {
        var withoutCas = PaidInFull with
        {
            Paid = 88.00m,
            PatientResponsibility = 12.00m,
            Services =
            [
                new ServicePayment("99213", [], 90.00m, 70.00m, 1, [new Adjustment("CO", "45", 20.00m)]),
                new ServicePayment("87880", [], 25.00m, 18.00m, 1, [new Adjustment("CO", "45", 7.00m)]),
            ],
        };

        var adjudicated = PostOne(Accepted, withoutCas);

        adjudicated.PatientResponsibility.Should().Be(12.00m);
        adjudicated.Outcome.Should().Be(ClaimOutcome.Paid);
    }

    [Fact]
    public void GivenClp02Four_WhenPosted_ThenDenied()
    {
        var adjudicated = PostOne(Accepted, DeniedByPayer);

        adjudicated.Should().Match<ClaimAdjudicated>(a => a.Outcome == ClaimOutcome.Denied && a.StatusCode == "4" && a.Paid == 0m);
        Accepted.Then([adjudicated]).Should().Match<Claim>(c => c.Status == ClaimStatus.Denied && c.WorkQueue == "denied");
    }

    // CLP02 4 with the charge left to the patient (CAS*PR*204: not covered by the plan): the payer denied it whatever is owed.
    [Fact]
    public void GivenClp02FourLeavingTheChargeToThePatient_WhenPosted_ThenStillDenied()
    {
        var notCovered = DeniedByPayer with { PatientResponsibility = 115.00m, Adjustments = [new Adjustment("PR", "204", 115.00m)] };

        var adjudicated = PostOne(Accepted, notCovered);

        adjudicated.Outcome.Should().Be(ClaimOutcome.Denied);
        adjudicated.PatientResponsibility.Should().Be(115.00m);
    }

    [Fact]
    public void GivenNothingPaidAndNothingLeftToThePatient_WhenPostedAsProcessed_ThenDenied()
    {
        var nothing = PaidInFull with
        {
            Paid = 0m,
            PatientResponsibility = 0m,
            Services =
            [
                new ServicePayment("99213", [], 90.00m, 0m, 1, [new Adjustment("CO", "16", 90.00m)]),
                new ServicePayment("87880", [], 25.00m, 0m, 1, [new Adjustment("CO", "16", 25.00m)]),
            ],
        };

        PostOne(Accepted, nothing).Outcome.Should().Be(ClaimOutcome.Denied);
    }

    [Fact]
    public void GivenOneLinePaidNothingWithAContractualAdjustment_WhenPosted_ThenPartiallyPaidWithThatLineDenied()
    {
        var adjudicated = PostOne(Accepted, StrepTestDenied);

        adjudicated.Outcome.Should().Be(ClaimOutcome.PartiallyPaid);
        adjudicated.Lines.Select(l => (l.LineNumber, l.Denied)).Should().Equal((1, false), (2, true));
        Accepted.Then([adjudicated]).Should().Match<Claim>(c => c.Status == ClaimStatus.PartiallyPaid && c.WorkQueue == "partially-paid");
    }

    // A line paid nothing because all of its allowed amount went to the deductible (PR only) is not denied: the payer allowed it.
    [Fact]
    public void GivenOneLinePaidNothingOnlyBecauseOfTheDeductible_WhenPosted_ThenPaid()
    {
        var deductible = StrepTestDenied with
        {
            PatientResponsibility = 50.00m,
            Services = [PaidInFull.Services[0], new ServicePayment("87880", [], 25.00m, 0m, 1, [new Adjustment("PR", "1", 25.00m)])],
        };

        var adjudicated = PostOne(Accepted, deductible);

        adjudicated.Outcome.Should().Be(ClaimOutcome.Paid);
        adjudicated.Lines.Should().OnlyContain(l => !l.Denied);
    }

    // The usual deductible line: the contractual write-off (CO-45) and the rest of the allowed amount to the deductible (PR-1).
    [Fact]
    public void GivenOneLinePaidNothingWithAContractualWriteOffAndTheRestToTheDeductible_WhenPosted_ThenPaidAndTheLineNotDenied()
    {
        var deductible = StrepTestDenied with
        {
            PatientResponsibility = 20.00m,
            Services =
            [
                PaidInFull.Services[0],
                new ServicePayment("87880", [], 25.00m, 0m, 1, [new Adjustment("CO", "45", 5.00m), new Adjustment("PR", "1", 20.00m)]),
            ],
        };

        var adjudicated = PostOne(Accepted, deductible);

        adjudicated.Outcome.Should().Be(ClaimOutcome.Paid);
        adjudicated.Lines.Should().OnlyContain(l => !l.Denied);
    }

    [Fact]
    public void GivenServicesInAnotherOrder_WhenPosted_ThenEachIsMatchedToItsLineByProcedure()
    {
        var reordered = PaidInFull with { Services = [PaidInFull.Services[1], PaidInFull.Services[0]] };

        PostOne(Accepted, reordered).Lines.Select(l => (l.Procedure, l.LineNumber)).Should().Equal(("87880", 2), ("99213", 1));
    }

    [Fact]
    public void GivenAProcedureTheClaimDidNotBill_WhenPosted_ThenItsLineNumberIsZero()
    {
        var unknown = PaidInFull with { Services = [.. PaidInFull.Services, new ServicePayment("99999", [], 0m, 0m, 1, [])] };

        PostOne(Accepted, unknown).Lines.Select(l => l.LineNumber).Should().Equal(1, 2, 0);
    }

    [Fact]
    public void GivenTheSameRemittanceAlreadyPosted_WhenPostedAgain_ThenNothingHappens() =>
        Post(Paid, PaidInFull).Should().BeEmpty();

    [Fact]
    public void GivenAnAppealedClaimWhoseDenialWasPosted_WhenTheSameRemittanceIsPostedAgain_ThenNothingHappens() =>
        Post(Appealed, DeniedByPayer).Should().BeEmpty();

    [Theory]
    [InlineData("draft")]
    [InlineData("ready")]
    [InlineData("rejected")]
    public void GivenAClaimNotWithThePayer_WhenPosted_ThenConflict(string state)
    {
        var act = () => Post(In(state), PaidInFull);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    [Fact]
    public void GivenAPaidClaim_WhenAnotherRemittanceIsPosted_ThenConflict()
    {
        var act = () => Post(Paid, PaidInFull, NewRemittanceId);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    [Fact]
    public void GivenAReversal_WhenPosted_ThenConflictBecauseReversalsArePostedByHand()
    {
        var reversal = PaidInFull with { Status = "22", Paid = -61.00m };

        var act = () => Post(Accepted, reversal);

        act.Should().Throw<ConflictException>().WithMessage("*22*").Which.Kind.Should().Be("status");
    }

    [Fact]
    public void GivenALateChargeHeld_WhenTheClaimIsPaid_ThenAdjudicatedAndReplacedByACorrectedClaimCarryingIt()
    {
        var claim = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld);

        var events = Post(claim, PaidInFull);

        events.ShouldBeOfTypes(typeof(ClaimAdjudicated), typeof(ClaimReplacementStarted), typeof(ClaimLinesAdded), typeof(ClaimScrubbed));
        events[1].Should().BeEquivalentTo(new ClaimReplacementStarted(ClaimId, VisitId, PatientId, PayerClaimNumber, "late charge", By, Now));
        events[2].Should().BeEquivalentTo(new ClaimLinesAdded(ClaimId, [GlucoseLine], 130.00m, Now));
        events[3].Should().BeEquivalentTo(new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));
        claim.Then(events).Should().Match<Claim>(c =>
            c.Status == ClaimStatus.Ready && c.FrequencyCode == "7" && c.OriginalPayerClaimNumber == PayerClaimNumber && c.HeldLines.Count == 0
            && c.Lines.Count == 3 && c.Adjudication!.Outcome == ClaimOutcome.Paid);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("1")]
    public void GivenALateChargeHeld_WhenTheClaimIsDeniedOrPartlyDenied_ThenOnlyAdjudicatedAndTheChargeStaysHeld(string status)
    {
        var claim = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld);
        var payment = status == "4" ? DeniedByPayer : StrepTestDenied;

        var events = Post(claim, payment);

        events.ShouldBeOfTypes(typeof(ClaimAdjudicated));
        claim.Then(events).HeldLines.Should().Equal(GlucoseLine);
    }

    [Fact]
    public void GivenAnAppealedClaim_WhenTheNewDecisionIsPosted_ThenAdjudicatedAgain()
    {
        var adjudicated = PostOne(Appealed, PaidInFull, NewRemittanceId);

        adjudicated.Outcome.Should().Be(ClaimOutcome.Paid);
        Appealed.Then([adjudicated]).Should().Match<Claim>(c => c.Status == ClaimStatus.Paid && c.PostedRemittances.Count == 2);
    }

    // The correction carried the held charge on its lines: when the payer pays the corrected claim it must not be billed a second time.
    [Fact]
    public void GivenACorrectedClaimThatCarriedItsHeldCharge_WhenThePayerPaysIt_ThenTheChargeIsNotBilledAgain()
    {
        var denied = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld, WasDenied);
        var coding = new ClaimCoding(["J02.9", "R50.9"], [new CodedLine("99213", null, 1, [1, 2]), new CodedLine("87880", null, 1, [1, 2])], "strep test indicated");
        var corrected = denied.Then(CorrectClaimDecider.Decide(denied, coding, Primary, Context));
        var resent = Guid.CreateVersion7();
        var submitted = corrected.Then(SubmitClaimDecider.Decide(corrected, resent, ControlNumber + 1, Context));
        var accepted = submitted.Then(AcknowledgeClaimDecider.Decide(submitted, resent, null, Now));
        var paid = PaidInFull with
        {
            Charged = 130.00m,
            Paid = 73.00m,
            Services = [.. PaidInFull.Services, new ServicePayment("82947", [], 15.00m, 12.00m, 1, [new Adjustment("CO", "45", 3.00m)])],
        };

        var events = Post(accepted, paid, NewRemittanceId);

        events.ShouldBeOfTypes(typeof(ClaimAdjudicated));
        accepted.Then(events).Lines.Count(l => l.Code == "82947").Should().Be(1);
    }

    [Fact]
    public void GivenAPaidClaim_WhenReplayed_ThenThePatientsShareIsTheAdjudicatedOne() =>
        Paid.PatientResponsibility.Should().Be(29.00m);

    [Fact]
    public void GivenAClaimNotYetAdjudicated_WhenReplayed_ThenNoPatientsShare() =>
        Accepted.PatientResponsibility.Should().BeNull();
}
