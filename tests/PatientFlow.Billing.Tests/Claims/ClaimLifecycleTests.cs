using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Claims.Acknowledging;
using PatientFlow.Billing.Claims.Appealing;
using PatientFlow.Billing.Claims.Coding;
using PatientFlow.Billing.Claims.Correcting;
using PatientFlow.Billing.Claims.LateCharges;
using PatientFlow.Billing.Claims.Scrubbing;
using PatientFlow.Billing.Claims.Submitting;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Scrubbing;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Billing.Tests.Claims.ClaimSpec;

namespace PatientFlow.Billing.Tests.Claims;

public class ClaimLifecycleTests
{
    private const string Reason = "documentation supports a level 4 visit";

    // Recoded: a level 4 visit with modifier 25, a third diagnosis and two strep tests pointing at it.
    private static readonly ClaimCoding Recoding = new(
        ["j02.9", "R50.9", "Z20.818"],
        [new CodedLine("99214", ["25"], 1, [1, 2, 3]), new CodedLine("87880", null, 2, [3])],
        Reason);

    private static readonly ClaimLine[] RecodedLines =
    [
        new(1, "99214", 1, 130.00m, 130.00m, [1, 2, 3], ChargeSource.Encounter, false, ["25"]),
        new(2, "87880", 2, 25.00m, 50.00m, [3], ChargeSource.Encounter, false),
    ];

    private static readonly ClaimCoded Recoded = new(ClaimId, ["J02.9", "R50.9", "Z20.818"], RecodedLines, 180.00m, Reason, By, Now);

    private static ClaimCoding WithLine(CodedLine line, int at = 0) =>
        Recoding with { Lines = [.. Recoding.Lines!.Select((l, i) => i == at ? line : l)] };

    private static CoverageOnFile PrimaryWith(SubscriberRelationship? relationship = null, EligibilityVerified? verification = null) =>
        new(relationship is { } r ? AcmeGold with { Subscriber = Ada with { Relationship = r } } : AcmeGold, verification ?? ActiveOnTheDay);

    private static IEnumerable<ClaimEdit> Blocking(IReadOnlyList<object> events) =>
        events.OfType<ClaimScrubbed>().Single().Edits.Where(e => e.Severity == EditSeverity.Blocking);

    // ---- Scrub ----

    [Fact]
    public void GivenACleanClaimWithActiveCoverage_WhenScrubbed_ThenScrubbedWithoutEditsAndReady()
    {
        var events = ScrubClaimDecider.Decide(Draft, Primary, Context);

        events.ShouldBe(new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));
        Draft.Then(events).Status.Should().Be(ClaimStatus.Ready);
    }

    [Fact]
    public void GivenNoCoverageOnFile_WhenScrubbed_ThenOneBlockingCoverageEditInsteadOfSubscriberEdits()
    {
        var events = ScrubClaimDecider.Decide(Draft, null, Context);

        var scrubbed = events.Should().ContainSingle().Which.Should().BeOfType<ClaimScrubbed>().Subject;
        scrubbed.Coverage.Should().BeNull();
        scrubbed.Edits.Should().ContainSingle().Which.Should().Match<ClaimEdit>(
            e => e.Code == "coverage-inactive" && e.Severity == EditSeverity.Blocking && e.Field == "coverage");
        Draft.Then(events).Status.Should().Be(ClaimStatus.Draft);
    }

    [Fact]
    public void GivenThePayersLastAnswerForTheDateOfServiceWasInactive_WhenScrubbed_ThenCoverageInactiveBlocks()
    {
        var terminated = ActiveOnTheDay with { Active = false, Reason = "member terminated" };

        var events = ScrubClaimDecider.Decide(Draft, PrimaryWith(verification: terminated), Context);

        events.OfType<ClaimScrubbed>().Single().Coverage.Should().Match<BilledCoverage>(c => !c.Active && c.EligibilityReason == "member terminated");
        Blocking(events).Should().ContainSingle(e => e.Code == "coverage-inactive");
        Draft.Then(events).Status.Should().Be(ClaimStatus.Draft);
    }

    [Fact]
    public void GivenAnInactiveAnswerForAnotherDate_WhenScrubbed_ThenTheCoveragesDatesDecideAndTheClaimIsReady()
    {
        var anotherDay = ActiveOnTheDay with { ServiceDate = DateOfService.AddDays(-30), Active = false, Reason = "member terminated" };

        var events = ScrubClaimDecider.Decide(Draft, PrimaryWith(verification: anotherDay), Context);

        events.OfType<ClaimScrubbed>().Single().Coverage!.Active.Should().BeTrue();
        Blocking(events).Should().BeEmpty();
    }

    [Fact]
    public void GivenADateOfServiceOutsideTheCoveragesDates_WhenScrubbed_ThenCoverageInactiveBlocks()
    {
        var lapsed = new CoverageOnFile(AcmeGold with { EffectiveTo = DateOfService.AddDays(-1) }, null);

        var events = ScrubClaimDecider.Decide(Draft, lapsed, Context);

        events.OfType<ClaimScrubbed>().Single().Coverage.Should().Match<BilledCoverage>(c => !c.Active && c.EligibilityReason == "outside the coverage's dates");
        Blocking(events).Should().ContainSingle(e => e.Code == "coverage-inactive");
    }

    [Fact]
    public void GivenTheSubscriberIsTheSpouse_WhenScrubbed_ThenSubscriberRelationshipBlocks()
    {
        var events = ScrubClaimDecider.Decide(Draft, PrimaryWith(SubscriberRelationship.Spouse), Context);

        Blocking(events).Should().ContainSingle(e => e.Code == "subscriber-relationship").Which.Field.Should().Be("coverage.relationship");
        Draft.Then(events).Status.Should().Be(ClaimStatus.Draft);
    }

    [Fact]
    public void GivenAMalformedIcd10Code_WhenScrubbed_ThenDiagnosisFormatBlocksAndTheClaimStaysDraft()
    {
        var claim = GivenDrafted(Created with { Diagnoses = ["J02.9", "R50-9"] });

        var events = ScrubClaimDecider.Decide(claim, Primary, Context);

        Blocking(events).Should().ContainSingle(e => e.Code == "diagnosis-format").Which.Field.Should().Be("diagnoses[1]");
        claim.Then(events).Status.Should().Be(ClaimStatus.Draft);
    }

    [Fact]
    public void GivenARejectedClaim_WhenScrubbed_ThenScrubbedAgain() =>
        ScrubClaimDecider.Decide(Rejected, Primary, Context).ShouldBe(new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));

    [Theory]
    [InlineData("submitted")]
    [InlineData("paid")]
    public void GivenAClaimWithOrAnsweredByThePayer_WhenScrubbed_ThenConflict(string state)
    {
        var act = () => ScrubClaimDecider.Decide(In(state), Primary, Context);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    // ---- Recode ----

    [Theory]
    [InlineData("draft")]
    [InlineData("ready")]
    [InlineData("rejected")]
    public void GivenAClaimThePayerDoesNotHold_WhenRecoded_ThenRepricedFromTheFeeScheduleAndScrubbed(string state)
    {
        var claim = In(state);

        var events = RecodeClaimDecider.Decide(claim, Recoding, Primary, Context);

        events.ShouldBe(Recoded, new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));
        claim.Then(events).Should().Match<Claim>(c => c.Status == ClaimStatus.Ready && c.TotalCharge == 180.00m && c.FrequencyCode == "1");
    }

    [Fact]
    public void GivenALabLineOnTheClaim_WhenRecodedWithTheSameCode_ThenItStaysALabLine()
    {
        var claim = GivenDrafted(Created with { Lines = [OfficeVisit, GlucoseLine with { LineNumber = 2 }], TotalCharge = 105.00m });
        var coding = Recoding with { Lines = [new CodedLine("99213", null, 1, [1]), new CodedLine("82947", null, 1, [2])] };

        var coded = RecodeClaimDecider.Decide(claim, coding, Primary, Context).OfType<ClaimCoded>().Single();

        coded.Lines.Select(l => l.Source).Should().Equal(ChargeSource.Encounter, ChargeSource.Lab);
    }

    [Fact]
    public void GivenAPointerNamingNoDiagnosis_WhenRecoded_ThenCodedButTheScrubberBlocks()
    {
        var events = RecodeClaimDecider.Decide(Draft, WithLine(new CodedLine("87880", null, 1, [4]), at: 1), Primary, Context);

        Blocking(events).Should().ContainSingle(e => e.Code == "pointer-dangling").Which.Field.Should().Be("lines[1].diagnosisPointers");
        Draft.Then(events).Status.Should().Be(ClaimStatus.Draft);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void GivenNoReason_WhenRecoded_ThenReasonIsRequired(string? reason)
    {
        var act = () => RecodeClaimDecider.Decide(Draft, Recoding with { Reason = reason }, Primary, Context);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("reason");
    }

    public static TheoryData<string, ClaimCoding> InvalidCodings() => new()
    {
        { "diagnoses", Recoding with { Diagnoses = null } },
        { "diagnoses", Recoding with { Diagnoses = [] } },
        { "diagnoses", Recoding with { Diagnoses = [.. Enumerable.Range(0, 13).Select(i => $"R{10 + i}.0")] } },
        { "diagnoses[1]", Recoding with { Diagnoses = ["J02.9", " ", "Z20.818"] } },
        { "lines", Recoding with { Lines = null } },
        { "lines", Recoding with { Lines = [] } },
        { "lines", Recoding with { Lines = [.. Enumerable.Repeat(new CodedLine("99213", null, 1, [1]), RecodeClaimDecider.MaxLines + 1)] } },
        { "lines[1].code", WithLine(new CodedLine(null, null, 1, [1]), at: 1) },
        { "lines[0].units", WithLine(new CodedLine("99214", null, 0, [1])) },
        { "lines[0].units", WithLine(new CodedLine("99214", null, 1000, [1])) },
        { "lines[1].diagnosisPointers", WithLine(new CodedLine("87880", null, 1, null), at: 1) },
        { "lines[1].diagnosisPointers", WithLine(new CodedLine("87880", null, 1, []), at: 1) },
        { "lines[1].diagnosisPointers", WithLine(new CodedLine("87880", null, 1, [1, 2, 3, 1, 2]), at: 1) },
        { "lines[0].modifiers", WithLine(new CodedLine("99214", ["25", "59", "76", "77", "91"], 1, [1])) },
    };

    [Theory]
    [MemberData(nameof(InvalidCodings))]
    public void GivenACodingWithOneFault_WhenRecoded_ThenTheFieldIsRejected(string field, ClaimCoding coding)
    {
        var act = () => RecodeClaimDecider.Decide(Draft, coding, Primary, Context);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    public void GivenUnitsAtTheBounds_WhenRecoded_ThenAccepted(int units) =>
        RecodeClaimDecider.Decide(Draft, WithLine(new CodedLine("99214", null, units, [1])), Primary, Context)
            .OfType<ClaimCoded>().Single().Lines[0].Units.Should().Be(units);

    [Theory]
    [InlineData("submitted")]
    [InlineData("accepted")]
    [InlineData("appealed")]
    public void GivenAClaimWithThePayer_WhenRecoded_ThenConflictSayingItIsWithThePayer(string state)
    {
        var act = () => RecodeClaimDecider.Decide(In(state), Recoding, Primary, Context);

        act.Should().Throw<ConflictException>().WithMessage("*with the payer*").Which.Kind.Should().Be("status");
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("denied")]
    public void GivenAnAdjudicatedClaim_WhenRecoded_ThenConflictPointingToACorrectedClaim(string state)
    {
        var act = () => RecodeClaimDecider.Decide(In(state), Recoding, Primary, Context);

        act.Should().Throw<ConflictException>().WithMessage("*corrected claim*").Which.Kind.Should().Be("status");
    }

    // ---- AddLateCharges ----

    [Theory]
    [InlineData("draft")]
    [InlineData("ready")]
    public void GivenAClaimNotYetSent_WhenALateChargeArrives_ThenAddedAsTheNextLineAndScrubbed(string state)
    {
        var claim = In(state);

        var events = AddLateChargesDecider.Decide(claim, [Glucose], Primary, Context);

        events.ShouldBe(new ClaimLinesAdded(ClaimId, [GlucoseLine], 130.00m, Now), new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));
        claim.Then(events).Should().Match<Claim>(c => c.Status == ClaimStatus.Ready && c.Lines.Count == 3 && c.TotalCharge == 130.00m);
    }

    [Theory]
    [InlineData("submitted")]
    [InlineData("accepted")]
    [InlineData("appealed")]
    public void GivenAClaimWithThePayer_WhenLateChargesArrive_ThenEachIsHeldAndTheClaimLeftAsSent(string state)
    {
        var claim = In(state);

        var events = AddLateChargesDecider.Decide(claim, [Glucose, Venipuncture], Primary, Context);

        events.ShouldBe(
            new LateChargeHeld(ClaimId, GlucoseLine, Now),
            new LateChargeHeld(ClaimId, new ClaimLine(4, "36415", 1, 10.00m, 10.00m, [1], ChargeSource.Lab, false), Now));
        claim.Then(events).Should().Match<Claim>(c => c.Status == claim.Status && c.Lines.Count == 2 && c.HeldLines.Count == 2);
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("partially-paid")]
    [InlineData("denied")]
    public void GivenAnAdjudicatedClaim_WhenALateChargeArrives_ThenItBecomesAReplacementCarryingTheCharge(string state)
    {
        var claim = In(state);

        var events = AddLateChargesDecider.Decide(claim, [Glucose], Primary, Context);

        events.ShouldBe(
            new ClaimReplacementStarted(ClaimId, VisitId, PatientId, PayerClaimNumber, "late charge", By, Now),
            new ClaimLinesAdded(ClaimId, [GlucoseLine], 130.00m, Now),
            new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));
        claim.Then(events).Should().Match<Claim>(
            c => c.FrequencyCode == "7" && c.OriginalPayerClaimNumber == PayerClaimNumber && c.Status == ClaimStatus.Ready && c.Lines.Count == 3);
    }

    [Fact]
    public void GivenARejectedReplacementClaim_WhenALateChargeArrives_ThenAddedWithoutStartingAnotherReplacement()
    {
        var replacement = Denied.Then(CorrectClaimDecider.Decide(Denied, Recoding, Primary, Context));
        var rejected = replacement.Then(SubmitClaimDecider.Decide(replacement, BatchId, ControlNumber + 1, Context));
        rejected = rejected.Then(AcknowledgeClaimDecider.Decide(rejected, BatchId, "2300 REF*F8: original claim not found", Now));

        var events = AddLateChargesDecider.Decide(rejected, [Glucose], Primary, Context);

        events.ShouldBeOfTypes(typeof(ClaimLinesAdded), typeof(ClaimScrubbed));
    }

    // A replacement not yet sent is "not yet sent": the late charge is added to it, like to any draft.
    [Fact]
    public void GivenAReplacementClaimNotYetSent_WhenALateChargeArrives_ThenAddedWithoutStartingAnotherReplacement()
    {
        var replacement = Denied.Then(CorrectClaimDecider.Decide(Denied, Recoding, Primary, Context));

        var events = AddLateChargesDecider.Decide(replacement, [Glucose], Primary, Context);

        events.ShouldBeOfTypes(typeof(ClaimLinesAdded), typeof(ClaimScrubbed));
    }

    // A charge held while the payer had the claim must not be lost when another late charge arrives after a denial.
    [Fact]
    public void GivenADeniedClaimStillHoldingALateCharge_WhenAnotherLateChargeArrives_ThenTheReplacementCarriesBoth()
    {
        var claim = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld, WasDenied);

        var after = claim.Then(AddLateChargesDecider.Decide(claim, [Venipuncture], Primary, Context));

        after.Lines.Select(l => (l.LineNumber, l.Code)).Should().Equal((1, "99213"), (2, "87880"), (3, "82947"), (4, "36415"));
        after.TotalCharge.Should().Be(140.00m);
        after.HeldLines.Should().BeEmpty();
    }

    // ---- Submit ----

    [Fact]
    public void GivenAReadyClaim_WhenSubmitted_ThenSubmittedInTheBatch()
    {
        var events = SubmitClaimDecider.Decide(Ready, BatchId, ControlNumber, Context);

        events.ShouldBe(new ClaimSubmitted(ClaimId, VisitId, PatientId, BatchId, ControlNumber, By, Now));
        Ready.Then(events).Should().Match<Claim>(c => c.Status == ClaimStatus.Submitted && c.BatchId == BatchId);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("blocked-draft")]
    [InlineData("submitted")]
    [InlineData("rejected")]
    [InlineData("paid")]
    public void GivenAClaimThatIsNotReady_WhenSubmitted_ThenConflict(string state)
    {
        var act = () => SubmitClaimDecider.Decide(In(state), BatchId, ControlNumber, Context);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    [Fact]
    public void GivenAReadyClaimWithABlockingEdit_WhenSubmitted_ThenConflict()
    {
        var blocked = Ready with { Edits = [new ClaimEdit("provider-npi", EditSeverity.Blocking, "billingProvider.npi", "bad NPI")] };

        var act = () => SubmitClaimDecider.Decide(blocked, BatchId, ControlNumber, Context);

        act.Should().Throw<ConflictException>().WithMessage("*blocking edits*").Which.Kind.Should().Be("status");
    }

    [Fact]
    public void GivenAReadyClaimWithoutCoverage_WhenSubmitted_ThenConflict()
    {
        var act = () => SubmitClaimDecider.Decide(Given(WasScrubbed with { Coverage = null }), BatchId, ControlNumber, Context);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    // ---- Acknowledge ----

    [Fact]
    public void GivenASubmittedClaim_WhenAcknowledgedWithoutRejection_ThenAccepted()
    {
        var events = AcknowledgeClaimDecider.Decide(Submitted, BatchId, null, Now);

        events.ShouldBe(new ClaimAccepted(ClaimId, VisitId, PatientId, BatchId, Now));
        Submitted.Then(events).Status.Should().Be(ClaimStatus.Accepted);
    }

    [Fact]
    public void GivenASubmittedClaim_WhenAcknowledgedWithARejection_ThenRejectedWithTheReason()
    {
        const string reason = "2010BA NM109: member id not found";

        var events = AcknowledgeClaimDecider.Decide(Submitted, BatchId, reason, Now);

        events.ShouldBe(new ClaimRejected(ClaimId, VisitId, PatientId, BatchId, reason, Now));
        Submitted.Then(events).Should().Match<Claim>(c => c.Status == ClaimStatus.Rejected && c.RejectionReason == reason);
    }

    [Fact]
    public void GivenASubmittedClaim_WhenAcknowledgedForAnotherBatch_ThenConflict()
    {
        var act = () => AcknowledgeClaimDecider.Decide(Submitted, Guid.CreateVersion7(), null, Now);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    [Theory]
    [InlineData("ready")]
    [InlineData("accepted")]
    [InlineData("rejected")]
    public void GivenAClaimNotAwaitingAcknowledgement_WhenAcknowledged_ThenConflict(string state)
    {
        var act = () => AcknowledgeClaimDecider.Decide(In(state), BatchId, null, Now);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    // ---- Appeal ----

    [Theory]
    [InlineData("denied")]
    [InlineData("partially-paid")]
    public void GivenADeniedOrPartiallyPaidClaim_WhenAppealedWithAReason_ThenAppealed(string state)
    {
        var claim = In(state);

        var events = AppealClaimDecider.Decide(claim, "  the strep test was ordered on symptoms ", Context);

        events.ShouldBe(new ClaimAppealed(ClaimId, VisitId, PatientId, "the strep test was ordered on symptoms", By, Now));
        claim.Then(events).Should().Match<Claim>(c => c.Status == ClaimStatus.Appealed && c.AtPayer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void GivenADeniedClaim_WhenAppealedWithoutAReason_ThenReasonIsRequired(string? reason)
    {
        var act = () => AppealClaimDecider.Decide(Denied, reason, Context);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("reason");
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("submitted")]
    [InlineData("appealed")]
    public void GivenAClaimNeitherDeniedNorPartiallyPaid_WhenAppealed_ThenConflict(string state)
    {
        var act = () => AppealClaimDecider.Decide(In(state), "please reconsider", Context);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("status");
    }

    // ---- Correct ----

    [Fact]
    public void GivenADeniedClaim_WhenCorrectedWithNewCoding_ThenAReplacementRecodedAndScrubbed()
    {
        var events = CorrectClaimDecider.Decide(Denied, Recoding, Primary, Context);

        events.ShouldBe(
            new ClaimReplacementStarted(ClaimId, VisitId, PatientId, PayerClaimNumber, Reason, By, Now),
            Recoded,
            new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));
        Denied.Then(events).Should().Match<Claim>(
            c => c.FrequencyCode == "7" && c.OriginalPayerClaimNumber == PayerClaimNumber && c.Status == ClaimStatus.Ready && c.BatchId == null);
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("partially-paid")]
    public void GivenAPaidOrPartiallyPaidClaim_WhenCorrected_ThenAReplacement(string state) =>
        CorrectClaimDecider.Decide(In(state), Recoding, Primary, Context)
            .ShouldBeOfTypes(typeof(ClaimReplacementStarted), typeof(ClaimCoded), typeof(ClaimScrubbed));

    [Fact]
    public void GivenADeniedClaimHoldingALateCharge_WhenCorrectedWithNewCoding_ThenTheHeldLineFollowsTheRecodedLines()
    {
        var claim = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld, WasDenied);
        var coding = Recoding with { Lines = [new CodedLine("99214", ["25"], 1, [1, 2])] };

        var coded = CorrectClaimDecider.Decide(claim, coding, Primary, Context).OfType<ClaimCoded>().Single();

        coded.Lines.Should().BeEquivalentTo(
            new[]
            {
                new ClaimLine(1, "99214", 1, 130.00m, 130.00m, [1, 2], ChargeSource.Encounter, false, ["25"]),
                GlucoseLine with { LineNumber = 2 },
            },
            options => options.WithStrictOrdering());
        coded.TotalCharge.Should().Be(145.00m);
    }

    // The held charge is on the corrected claim's lines now; still holding it would bill it again when the replacement is paid.
    [Fact]
    public void GivenADeniedClaimHoldingALateCharge_WhenCorrectedWithNewCoding_ThenTheChargeIsNoLongerHeld()
    {
        var claim = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld, WasDenied);

        var after = claim.Then(CorrectClaimDecider.Decide(claim, Recoding, Primary, Context));

        after.Lines.Should().Contain(l => l.Code == "82947");
        after.HeldLines.Should().BeEmpty();
    }

    [Fact]
    public void GivenADeniedClaimHoldingALateCharge_WhenCorrectedWithoutCoding_ThenTheHeldLineIsAddedToTheReplacement()
    {
        var claim = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld, WasDenied);

        var events = CorrectClaimDecider.Decide(claim, new ClaimCoding(Reason: "lab result billed late"), Primary, Context);

        events.ShouldBe(
            new ClaimReplacementStarted(ClaimId, VisitId, PatientId, PayerClaimNumber, "lab result billed late", By, Now),
            new ClaimLinesAdded(ClaimId, [GlucoseLine], 130.00m, Now),
            new ClaimScrubbed(ClaimId, BilledToAcme, [], Now));
        claim.Then(events).HeldLines.Should().BeEmpty();
    }

    [Fact]
    public void GivenADeniedClaimWithNothingHeld_WhenCorrectedWithoutCoding_ThenLinesAreRequired()
    {
        var act = () => CorrectClaimDecider.Decide(Denied, new ClaimCoding(Reason: "resend"), Primary, Context);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("lines");
    }

    public static TheoryData<ClaimCoding> CodingsWithoutAReason() => new() { Recoding with { Reason = null }, new ClaimCoding(Reason: " ") };

    [Theory]
    [MemberData(nameof(CodingsWithoutAReason))]
    public void GivenADeniedClaimHoldingALateCharge_WhenCorrectedWithoutAReason_ThenReasonIsRequired(ClaimCoding coding)
    {
        var claim = Given(WasScrubbed, WasSubmitted, WasAccepted, GlucoseHeld, WasDenied);

        var act = () => CorrectClaimDecider.Decide(claim, coding, Primary, Context);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("reason");
    }

    [Fact]
    public void GivenARejectedClaim_WhenCorrected_ThenConflictSayingToRecodeIt()
    {
        var act = () => CorrectClaimDecider.Decide(Rejected, Recoding, Primary, Context);

        act.Should().Throw<ConflictException>().WithMessage("*recode it*").Which.Kind.Should().Be("status");
    }

    [Theory]
    [InlineData("ready")]
    [InlineData("accepted")]
    [InlineData("appealed")]
    public void GivenAClaimNotAdjudicated_WhenCorrected_ThenConflict(string state)
    {
        var act = () => CorrectClaimDecider.Decide(In(state), Recoding, Primary, Context);

        act.Should().Throw<ConflictException>().WithMessage("*only an adjudicated claim*").Which.Kind.Should().Be("status");
    }

    // ---- Work queue ----

    [Theory]
    [InlineData("blocked-draft", "scrubber")]
    [InlineData("rejected", "rejected")]
    [InlineData("denied", "denied")]
    [InlineData("partially-paid", "partially-paid")]
    [InlineData("draft", null)]
    [InlineData("ready", null)]
    [InlineData("submitted", null)]
    [InlineData("paid", null)]
    public void GivenAClaim_WhenListed_ThenItsWorkQueueSaysWhoMustAct(string state, string? queue) =>
        In(state).WorkQueue.Should().Be(queue);
}
