using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Tests.Feed;

public class BackoffTests
{
    [Fact]
    public void After_SuccessiveFailures_DoublesFromTheFirstWaitUpToTheLongestWithin20PercentJitter()
    {
        var random = new Random(7);
        var first = TimeSpan.FromSeconds(2);
        var longest = TimeSpan.FromMinutes(5);

        var waits = Enumerable.Range(1, 12).Select(attempt => Backoff.After(attempt, first, longest, random)).ToList();

        var unjittered = new[] { 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300 };
        waits.Zip(unjittered).Should().OnlyContain(pair =>
            pair.First.TotalSeconds >= pair.Second * 0.8 && pair.First.TotalSeconds <= pair.Second * 1.2);
        waits.Distinct().Should().HaveCount(12, "jitter spreads even the capped waits");
        Backoff.After(int.MaxValue, first, longest, random).Should().BeLessThanOrEqualTo(longest * 1.2);
    }
}
