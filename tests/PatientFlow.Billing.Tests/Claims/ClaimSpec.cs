using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Scrubbing;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Tests.Claims;

/// <summary>
/// One visit's claim and the patient's coverage, seen on fixed days: drafted the evening of the visit, sent the next
/// morning, answered by the payer two weeks later. A claim in any state is the replay of the events that got it there.
/// </summary>
internal static class ClaimSpec
{
    public static readonly Guid ClaimId = Guid.CreateVersion7();
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly Guid CoverageId = Guid.CreateVersion7();
    public static readonly Guid BatchId = Guid.CreateVersion7();
    public static readonly Guid RemittanceId = Guid.CreateVersion7();

    public const string PatientControlNumber = "C000123";
    public const string PayerClaimNumber = "ACME-PCN-0001";
    public const string TraceNumber = "884422001";
    public const long ControlNumber = 1207;
    public const string By = "test-biller";

    public static readonly DateOnly DateOfService = new(2026, 3, 4);
    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 4, 21, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SubmittedAt = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AcknowledgedAt = new(2026, 3, 5, 16, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HeldAt = new(2026, 3, 6, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly PaymentDate = new(2026, 3, 18);
    public static readonly DateTimeOffset PostedAt = new(2026, 3, 18, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AppealedAt = new(2026, 3, 19, 11, 0, 0, TimeSpan.Zero);

    /// <summary>When every decision under test is taken; <see cref="Today"/> is the latest date anywhere at that moment.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 20, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 3, 21);

    public static readonly BillingProvider Provider = new("North Clinic LLC", "1234567893", "123456789", new X12Address("100 Main St", "Springfield", "IL", "62701"));

    public static readonly FeeSchedule Fees = new("USD", new Dictionary<string, decimal>
    {
        ["99213"] = 90.00m, ["99214"] = 130.00m, ["87880"] = 25.00m, ["82947"] = 15.00m, ["36415"] = 10.00m,
    });

    public static readonly ClaimContext Context = new(Provider, Fees, Today, Now, By);

    public static readonly SubscriberDetails Ada = new(
        SubscriberRelationship.Self, "Example", "Ada", new DateOnly(1980, 4, 12), "F", "12 Elm St", "Springfield", "IL", "62704");

    public static readonly CoverageRegistered AcmeGold = new(
        PatientId, CoverageId, CoverageRank.Primary, "ACME01", "Acme Health", "Gold PPO", "W123456789", "GRP-7", Ada,
        new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new Dictionary<string, decimal> { ["follow-up"] = 25m }, 30m, 1500m, "USD",
        "test-front-desk", new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero));

    public static readonly EligibilityVerified ActiveOnTheDay = new(
        PatientId, CoverageId, VisitId, DateOfService, "follow-up", true, 25m, 1500m, "active", new DateTimeOffset(2026, 3, 4, 14, 0, 0, TimeSpan.Zero));

    /// <summary>The patient's primary coverage: the patient is the subscriber, and the payer answered active for the date of service.</summary>
    public static readonly CoverageOnFile Primary = new(AcmeGold, ActiveOnTheDay);

    /// <summary>What a claim scrubbed against <see cref="Primary"/> is billed to.</summary>
    public static readonly BilledCoverage BilledToAcme = new(
        CoverageId, "ACME01", "Acme Health", "W123456789", "GRP-7", Ada, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), true, "active");

    public static readonly ClaimLine OfficeVisit = new(1, "99213", 1, 90.00m, 90.00m, [1, 2], ChargeSource.Encounter, false);
    public static readonly ClaimLine StrepTest = new(2, "87880", 1, 25.00m, 25.00m, [1, 2], ChargeSource.Encounter, false);

    public static readonly Charge Glucose = new(ChargeSource.Lab, "82947", 1, 15.00m, 15.00m, "USD", [], false);
    public static readonly Charge Venipuncture = new(ChargeSource.Lab, "36415", 1, 10.00m, 10.00m, "USD", [], false);

    /// <summary><see cref="Glucose"/> as the third line of the claim: a lab charge points at the primary diagnosis.</summary>
    public static readonly ClaimLine GlucoseLine = new(3, "82947", 1, 15.00m, 15.00m, [1], ChargeSource.Lab, false);

    public static readonly ClaimCreated Created = new(
        ClaimId, VisitId, PatientId, ProviderId, "north", DateOfService, ["J02.9", "R50.9"], [OfficeVisit, StrepTest], 115.00m, "USD", CreatedAt, PatientControlNumber);

    public static readonly ClaimScrubbed WasScrubbed = new(ClaimId, BilledToAcme, [], CreatedAt);

    public static readonly ClaimScrubbed WasScrubbedWithoutCoverage = new(
        ClaimId, null, [new ClaimEdit("coverage-inactive", EditSeverity.Blocking, "coverage", "the patient has no coverage on file")], CreatedAt);

    public static readonly ClaimSubmitted WasSubmitted = new(ClaimId, VisitId, PatientId, BatchId, ControlNumber, By, SubmittedAt);
    public static readonly ClaimAccepted WasAccepted = new(ClaimId, VisitId, PatientId, BatchId, AcknowledgedAt);
    public static readonly ClaimRejected WasRejected = new(ClaimId, VisitId, PatientId, BatchId, "2010BA NM109: member id not found", AcknowledgedAt);
    public static readonly LateChargeHeld GlucoseHeld = new(ClaimId, GlucoseLine, HeldAt);

    public static readonly ClaimAdjudicated WasPaid = Adjudicated("1", ClaimOutcome.Paid, 61.00m, 29.00m);
    public static readonly ClaimAdjudicated WasPartiallyPaid = Adjudicated("1", ClaimOutcome.PartiallyPaid, 45.00m, 25.00m);
    public static readonly ClaimAdjudicated WasDenied = Adjudicated("4", ClaimOutcome.Denied, 0m, 0m);
    public static readonly ClaimAppealed WasAppealed = new(ClaimId, VisitId, PatientId, "the strep test was ordered on symptoms", By, AppealedAt);

    public static Claim Draft => Given();

    public static Claim BlockedDraft => Given(WasScrubbedWithoutCoverage);

    public static Claim Ready => Given(WasScrubbed);

    public static Claim Submitted => Given(WasScrubbed, WasSubmitted);

    public static Claim Accepted => Given(WasScrubbed, WasSubmitted, WasAccepted);

    public static Claim Rejected => Given(WasScrubbed, WasSubmitted, WasRejected);

    public static Claim Paid => Given(WasScrubbed, WasSubmitted, WasAccepted, WasPaid);

    public static Claim PartiallyPaid => Given(WasScrubbed, WasSubmitted, WasAccepted, WasPartiallyPaid);

    public static Claim Denied => Given(WasScrubbed, WasSubmitted, WasAccepted, WasDenied);

    public static Claim Appealed => Given(WasScrubbed, WasSubmitted, WasAccepted, WasDenied, WasAppealed);

    /// <summary>The claim in the state a theory names it by.</summary>
    public static Claim In(string state) => state switch
    {
        "draft" => Draft,
        "blocked-draft" => BlockedDraft,
        "ready" => Ready,
        "submitted" => Submitted,
        "accepted" => Accepted,
        "rejected" => Rejected,
        "paid" => Paid,
        "partially-paid" => PartiallyPaid,
        "denied" => Denied,
        "appealed" => Appealed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no such claim in the spec"),
    };

    /// <summary>The claim drafted as <see cref="Created"/>, then as <paramref name="events"/> left it.</summary>
    public static Claim Given(params object[] events) => Claim.Replay(null, [Created, .. events]);

    /// <summary>Another claim, drafted as <paramref name="created"/>, then as <paramref name="events"/> left it.</summary>
    public static Claim GivenDrafted(ClaimCreated created, params object[] events) => Claim.Replay(null, [created, .. events]);

    /// <summary>A ready claim of another visit, billed to <paramref name="coverage"/> (Acme when not given).</summary>
    public static Claim ReadyClaim(Guid claimId, string claimNumber, BilledCoverage? coverage = null) => Claim.Replay(null,
    [
        Created with { ClaimId = claimId, VisitId = Guid.CreateVersion7(), ClaimNumber = claimNumber },
        WasScrubbed with { ClaimId = claimId, Coverage = coverage ?? BilledToAcme },
    ]);

    public static Claim Then(this Claim claim, IEnumerable<object> events) => Claim.Replay(claim, events);

    /// <summary>The decision's events are exactly <paramref name="expected"/>, in order, compared member by member.</summary>
    public static void ShouldBe(this IReadOnlyList<object> events, params object[] expected) =>
        events.Should().BeEquivalentTo(expected, options => options.RespectingRuntimeTypes().WithStrictOrdering());

    public static void ShouldBeOfTypes(this IReadOnlyList<object> events, params Type[] expected) =>
        events.Select(e => e.GetType()).Should().Equal(expected);

    private static ClaimAdjudicated Adjudicated(string status, ClaimOutcome outcome, decimal paid, decimal patientResponsibility) => new(
        ClaimId, VisitId, PatientId, RemittanceId, TraceNumber, PayerClaimNumber, status, outcome, 115.00m, paid, patientResponsibility, [], [],
        PaymentDate, PostedAt);
}
