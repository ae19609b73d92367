using Microsoft.Extensions.Configuration;
using PatientFlow.Referral.Referrals;

namespace PatientFlow.Referral.Tests.Deciders;

public class DeadlinesTests
{
    private static readonly DateTimeOffset CreatedAt = new(2025, 3, 4, 9, 30, 0, TimeSpan.Zero);

    private static ReferralDeadlines Load(params (string Key, string Value)[] settings) => ReferralDeadlines.FromConfiguration(
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Referral:Deadlines:{s.Key}", s.Value)))
            .Build()
            .GetSection("Referral:Deadlines"));

    [Fact]
    public void GivenEveryUrgencyConfigured_WhenLoaded_ThenScheduleByAddsItsDeadline()
    {
        var deadlines = Load(("Routine", "14.00:00:00"), ("Urgent", "3.00:00:00"), ("Emergent", "0.12:00:00"));

        deadlines.ScheduleBy(ReferralUrgency.Routine, CreatedAt).Should().Be(CreatedAt.AddDays(14));
        deadlines.ScheduleBy(ReferralUrgency.Urgent, CreatedAt).Should().Be(CreatedAt.AddDays(3));
        deadlines.ScheduleBy(ReferralUrgency.Emergent, CreatedAt).Should().Be(CreatedAt.AddHours(12));
    }

    [Fact]
    public void GivenAnUrgencyMissing_WhenLoaded_ThenRefusedAtStart()
    {
        var act = () => Load(("Routine", "14.00:00:00"), ("Urgent", "3.00:00:00"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Emergent*");
    }

    [Fact]
    public void GivenBareNumber_WhenLoaded_ThenRefusedBecauseItsUnitIsAmbiguous()
    {
        var act = () => Load(("Routine", "14"), ("Urgent", "3.00:00:00"), ("Emergent", "1.00:00:00"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Routine*");
    }
}
