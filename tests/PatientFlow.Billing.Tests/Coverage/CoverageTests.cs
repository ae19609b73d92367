using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Coverage.Registering;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Tests.Coverage;

public class CoverageTests
{
    private static readonly Guid PatientId = Guid.CreateVersion7();
    private static readonly Guid CoverageId = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 14, 0, 0, TimeSpan.Zero);

    private static readonly RegisterCoverage Card = new(
        "ACME01", "Acme Health", "Gold PPO", "W123456789", "GRP-7", SubscriberRelationship.Self, "Example", "Ada", new DateOnly(1980, 4, 12), "f",
        "12 Elm St", "Springfield", "il", "62704", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
        new Dictionary<string, decimal> { ["new-patient"] = 40m, ["follow-up"] = 25m }, 30m, 1500m);

    private static CoverageRegistered Registered(RegisterCoverage? card = null) =>
        (CoverageRegistered)RegisterCoverageDecider.Decide(PatientId, CoverageRank.Primary, card ?? Card, CoverageId, "USD", "test-front-desk", Now).Single();

    [Fact]
    public void GivenACard_WhenRegistered_ThenTheCoverageCarriesPayerMemberSubscriberDatesCopaysAndDeductible()
    {
        var coverage = Registered();

        coverage.Should().BeEquivalentTo(new
        {
            PayerId = "ACME01", MemberId = "W123456789", Rank = CoverageRank.Primary, Deductible = 1500m, DefaultCopay = 30m, Currency = "USD",
            Subscriber = new SubscriberDetails(SubscriberRelationship.Self, "Example", "Ada", new DateOnly(1980, 4, 12), "F", "12 Elm St", "Springfield", "IL", "62704"),
        });
        coverage.CopayByVisitType["follow-up"].Should().Be(25m);
    }

    public static TheoryData<string, RegisterCoverage> Faults() => new()
    {
        { "payerId", Card with { PayerId = " " } },
        { "memberId", Card with { MemberId = "W 123" } },
        { "relationship", Card with { Relationship = null } },
        { "subscriberDateOfBirth", Card with { SubscriberDateOfBirth = new DateOnly(2027, 1, 1) } },
        { "subscriberGender", Card with { SubscriberGender = "X" } },
        { "state", Card with { State = "Illinois" } },
        { "postalCode", Card with { PostalCode = "6270" } },
        { "effectiveFrom", Card with { EffectiveFrom = null } },
        { "effectiveTo", Card with { EffectiveTo = new DateOnly(2025, 12, 31) } },
        { "deductible", Card with { Deductible = -1m } },
        { "defaultCopay", Card with { DefaultCopay = 10.005m } },
        { "copayByVisitType.follow-up", Card with { CopayByVisitType = new Dictionary<string, decimal> { ["follow-up"] = -5m } } },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void GivenACardWithOneFault_WhenRegistered_ThenTheFieldIsRejected(string field, RegisterCoverage card)
    {
        var act = () => Registered(card);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData("2026-03-04", "follow-up", true, 25, "active")]
    [InlineData("2026-03-04", "new-patient", true, 40, "active")]
    [InlineData("2026-03-04", "walk-in", true, 30, "active")]
    [InlineData("2025-12-31", "follow-up", false, 0, "coverage starts 2026-01-01")]
    [InlineData("2027-01-01", "follow-up", false, 0, "coverage ended 2026-12-31")]
    public void GivenTheSimulator_WhenAskedForADateAndVisitType_ThenActiveByDatesWithThePlansCopay(
        string serviceDate, string visitType, bool active, decimal copay, string reason) =>
        PayerSimulator.Answer(Registered(), DateOnly.Parse(serviceDate), visitType, [], 0m)
            .Should().Be(new EligibilityAnswer(active, copay, 1500m, reason));

    [Fact]
    public void GivenATerminatedMember_WhenAsked_ThenInactiveWhateverTheDates() =>
        PayerSimulator.Answer(Registered(), new DateOnly(2026, 3, 4), "follow-up", ["w123456789"], 0m).Active.Should().BeFalse();

    [Theory]
    [InlineData(400, 1100)]
    [InlineData(2000, 0)]
    public void GivenPartOfTheDeductibleMet_WhenAsked_ThenTheRemainderNeverBelowZero(decimal met, decimal remaining) =>
        PayerSimulator.Answer(Registered(), new DateOnly(2026, 3, 4), "follow-up", [], met).DeductibleRemaining.Should().Be(remaining);

    [Fact]
    public void GivenAPrimaryOnFile_WhenASecondPrimaryIsRegistered_ThenItReplacesTheFirstAndTheSecondaryStays()
    {
        var first = Registered();
        var secondary = (CoverageRegistered)RegisterCoverageDecider.Decide(PatientId, CoverageRank.Secondary, Card with { MemberId = "S-1" }, Guid.CreateVersion7(), "USD", "x", Now).Single();
        var replacement = (CoverageRegistered)RegisterCoverageDecider.Decide(PatientId, CoverageRank.Primary, Card with { MemberId = "W-2" }, Guid.CreateVersion7(), "USD", "x", Now).Single();

        var coverage = PatientCoverage.Create(first).Apply(secondary).Apply(replacement);

        coverage.Primary!.Registration.MemberId.Should().Be("W-2");
        coverage.Coverages[CoverageRank.Secondary].Registration.MemberId.Should().Be("S-1");
    }
}
