using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Claims.Batches;
using PatientFlow.Billing.Claims.Batches.Acknowledging;
using PatientFlow.Billing.Claims.Batches.Creating;
using PatientFlow.Billing.X12;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Billing.Tests.Claims.ClaimSpec;

namespace PatientFlow.Billing.Tests.Claims;

public class BatchDecisionTests
{
    private static readonly BatchParties Parties = new(
        new Submitter("PatientFlow North Clinic", "PF0001", "Billing Office", "(217) 555-0100", "PF0001"),
        new Receiver("Acme Clearinghouse", "ACMECH", "ACMECH"),
        Provider,
        Production: false);

    private static readonly Guid SecondClaimId = Guid.CreateVersion7();
    private static readonly Guid ThirdClaimId = Guid.CreateVersion7();

    private static Claim Second => ReadyClaim(SecondClaimId, "C000124");

    private static Claim Third => ReadyClaim(ThirdClaimId, "C000125");

    // Denied, then replaced by a corrected claim (frequency 7) that scrubbed clean.
    private static Claim Replacement => Given(
        WasScrubbed, WasSubmitted, WasAccepted, WasDenied,
        new ClaimReplacementStarted(ClaimId, VisitId, PatientId, PayerClaimNumber, "corrected diagnosis", By, Now),
        WasScrubbed with { ScrubbedAt = Now });

    private static (BatchCreated Batch, IReadOnlyDictionary<Guid, IReadOnlyList<object>> ClaimEvents) Create(params Claim[] claims) =>
        CreateBatchDecider.Decide("ACME01", claims, BatchId, ControlNumber, Parties, Context);

    private static string[] Segments(string content) => content.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static ClaimBatch Batch(params Guid[] claimIds) => new(
        BatchId, "ACME01", "Acme Health", claimIds, [.. claimIds.Select((_, i) => $"C{123 + i:D6}")], ControlNumber, 345.00m, "USD", "ISA*...", By, Now);

    // ---- Create ----

    [Fact]
    public void GivenNoReadyClaims_WhenABatchIsCreated_ThenConflictOnThePayer()
    {
        var act = () => Create();

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("payerId");
    }

    [Fact]
    public void GivenAClaimBilledToAnotherPayer_WhenABatchIsCreated_ThenConflictOnThePayerNamingTheClaim()
    {
        var blue = ReadyClaim(SecondClaimId, "C000124", coverage: BilledToAcme with { PayerId = "BLUE01", PayerName = "Blue Plan" });

        var act = () => Create(Ready, blue);

        act.Should().Throw<ConflictException>().WithMessage("*C000124*BLUE01*").Which.Kind.Should().Be("payerId");
    }

    [Fact]
    public void GivenReadyClaimsOfThePayer_WhenABatchIsCreated_ThenTheBatchCarriesThemAndTheir837P()
    {
        var (batch, _) = Create(Ready, Second);

        batch.Should().BeEquivalentTo(new
        {
            BatchId,
            PayerId = "ACME01",
            PayerName = "Acme Health",
            ClaimIds = new[] { ClaimId, SecondClaimId },
            ClaimNumbers = new[] { PatientControlNumber, "C000124" },
            InterchangeControlNumber = ControlNumber,
            TotalCharge = 230.00m,
            Currency = "USD",
            CreatedBy = By,
            CreatedAt = Now,
        });
        batch.Content.Should().StartWith("ISA*");
        Segments(batch.Content).Where(s => s.StartsWith("CLM*", StringComparison.Ordinal)).Should().SatisfyRespectively(
            first => first.Should().StartWith($"CLM*{PatientControlNumber}*115*"),
            second => second.Should().StartWith("CLM*C000124*115*"));
    }

    [Fact]
    public void GivenAControlNumber_WhenABatchIsCreated_ThenIsa13IsItsNineDigits()
    {
        var (batch, _) = Create(Ready);

        var isa = Segments(batch.Content)[0].TrimEnd('~').Split('*');
        isa[13].Should().Be("000001207");
        Segments(batch.Content)[^1].Should().Be("IEA*1*000001207~");
    }

    [Fact]
    public void GivenReadyClaims_WhenABatchIsCreated_ThenEachClaimIsSubmittedInIt()
    {
        var (_, claimEvents) = Create(Ready, Second, Third);

        claimEvents.Keys.Should().BeEquivalentTo([ClaimId, SecondClaimId, ThirdClaimId]);
        claimEvents[ClaimId].ShouldBe(new ClaimSubmitted(ClaimId, VisitId, PatientId, BatchId, ControlNumber, By, Now));
        claimEvents[SecondClaimId].Should().ContainSingle().Which.Should().Match<ClaimSubmitted>(
            e => e.ClaimId == SecondClaimId && e.BatchId == BatchId && e.InterchangeControlNumber == ControlNumber);
        claimEvents[ThirdClaimId].Should().ContainSingle().Which.Should().BeOfType<ClaimSubmitted>();
    }

    [Fact]
    public void GivenAReplacementClaim_WhenBatched_ThenFrequencySevenFollowedByTheOriginalPayerClaimNumber()
    {
        var (batch, _) = Create(Replacement, Second);

        var segments = Segments(batch.Content);
        var clm = Array.FindIndex(segments, s => s.StartsWith($"CLM*{PatientControlNumber}*", StringComparison.Ordinal));
        clm.Should().BeGreaterThan(0);
        segments[clm].Split('*')[5].Should().EndWith(":B:7");
        segments[clm + 1].Should().Be($"REF*F8*{PayerClaimNumber}~");
    }

    [Fact]
    public void GivenAnOriginalClaim_WhenBatched_ThenFrequencyOneWithoutAnOriginalClaimNumber()
    {
        var (batch, _) = Create(Ready);

        var segments = Segments(batch.Content);
        segments.Single(s => s.StartsWith("CLM*", StringComparison.Ordinal)).Split('*')[5].Should().Be("11:B:1");
        segments.Should().NotContain(s => s.StartsWith("REF*F8*", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("blocked-draft")]
    [InlineData("submitted")]
    public void GivenAClaimThatIsNotReady_WhenBatched_ThenConflict(string state)
    {
        var notReady = In(state) with { ClaimId = ThirdClaimId, ClaimNumber = "C000125", Coverage = BilledToAcme };

        var act = () => Create(Ready, notReady);

        act.Should().Throw<ConflictException>().WithMessage("*C000125*").Which.Kind.Should().Be("status");
    }

    // ---- Acknowledge ----

    [Fact]
    public void GivenABatch_WhenOneClaimIsRejected_ThenTheRestAreAccepted()
    {
        var rejected = new RejectedClaim(SecondClaimId, "2010BA NM109: member id not found");

        var acknowledged = AcknowledgeBatchDecider.Decide(Batch(ClaimId, SecondClaimId, ThirdClaimId), [rejected], Context);

        acknowledged.Should().BeEquivalentTo(new BatchAcknowledged(BatchId, [ClaimId, ThirdClaimId], [rejected], By, Now));
    }

    [Fact]
    public void GivenABatch_WhenNothingIsRejected_ThenEveryClaimIsAccepted() =>
        AcknowledgeBatchDecider.Decide(Batch(ClaimId, SecondClaimId), [], Context).Accepted.Should().Equal(ClaimId, SecondClaimId);

    [Fact]
    public void GivenAnAcknowledgedBatch_WhenAcknowledgedAgain_ThenConflictOnTheBatch()
    {
        var batch = Batch(ClaimId, SecondClaimId);
        batch = batch.Apply(AcknowledgeBatchDecider.Decide(batch, [], Context));

        var act = () => AcknowledgeBatchDecider.Decide(batch, [], Context);

        act.Should().Throw<ConflictException>().Which.Kind.Should().Be("batch");
    }

    [Fact]
    public void GivenARejectedClaimNotInTheBatch_WhenAcknowledged_ThenTheClaimIdIsRejected()
    {
        var act = () => AcknowledgeBatchDecider.Decide(Batch(ClaimId, SecondClaimId), [new RejectedClaim(ThirdClaimId, "unknown claim")], Context);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("rejected[0].claimId");
    }

    [Fact]
    public void GivenARejectionWithoutAReason_WhenAcknowledged_ThenTheReasonIsRequired()
    {
        var act = () => AcknowledgeBatchDecider.Decide(
            Batch(ClaimId, SecondClaimId), [new RejectedClaim(ClaimId, "duplicate"), new RejectedClaim(SecondClaimId, " ")], Context);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("rejected[1].reason");
    }
}
