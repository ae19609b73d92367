using PatientFlow.Billing.Coverage;

namespace PatientFlow.Billing.Tests.Deciders;

/// <summary>
/// The simulator's rules that Coverage/CoverageTests.cs leaves open: its effective dates are inclusive, an open-ended
/// coverage never ends, and a terminated member is inactive with no copay whatever the dates. Copay by visit type, the
/// default copay, dates outside the coverage and the remaining deductible are covered there.
/// </summary>
public class PayerSimulatorTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    private static readonly CoverageRegistered Coverage = new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), CoverageRank.Primary, "ACME01", "Acme Health", "Gold PPO", "W123456789", "GRP-7",
        new SubscriberDetails(SubscriberRelationship.Self, "Example", "Ada", new DateOnly(1980, 4, 12), "F", "12 Elm St", "Springfield", "IL", "62704"),
        From, To, new Dictionary<string, decimal> { ["follow-up"] = 25m }, 30m, 1500m, "USD", "test-front-desk",
        new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GivenCoverage_WhenAskedForItsFirstDay_ThenActive() =>
        PayerSimulator.Answer(Coverage, From, "follow-up", [], 0m).Should().Be(new EligibilityAnswer(true, 25m, 1500m, "active"));

    [Fact]
    public void GivenCoverage_WhenAskedForItsLastDay_ThenActive() =>
        PayerSimulator.Answer(Coverage, To, "follow-up", [], 0m).Should().Be(new EligibilityAnswer(true, 25m, 1500m, "active"));

    [Fact]
    public void GivenOpenEndedCoverage_WhenAskedYearsLater_ThenActive() =>
        PayerSimulator.Answer(Coverage with { EffectiveTo = null }, new DateOnly(2031, 6, 1), "follow-up", [], 0m)
            .Should().Be(new EligibilityAnswer(true, 25m, 1500m, "active"));

    [Fact]
    public void GivenTerminatedMember_WhenAskedWithinTheDates_ThenInactiveWithNoCopaySayingSoAndTheDeductibleStillReported() =>
        PayerSimulator.Answer(Coverage, new DateOnly(2026, 3, 4), "follow-up", ["W123456789"], 400m)
            .Should().Be(new EligibilityAnswer(false, 0m, 1100m, "member terminated by the payer"));

    [Fact]
    public void GivenTerminatedMember_WhenAskedBeforeTheCoverageStarts_ThenTheTerminationIsTheReason() =>
        PayerSimulator.Answer(Coverage, new DateOnly(2025, 12, 31), "follow-up", ["OTHER-1", "w123456789"], 0m)
            .Reason.Should().Be("member terminated by the payer");

    [Fact]
    public void GivenAnotherMemberTerminated_WhenAsked_ThenActive() =>
        PayerSimulator.Answer(Coverage, new DateOnly(2026, 3, 4), "follow-up", ["W12345678", "W1234567890"], 0m).Active.Should().BeTrue();
}
