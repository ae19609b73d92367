using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Tests;

public class LogNormalTests
{
    // Median 10 min, sigma 0.5: by hand, the 84.13th percentile is 10 * e^0.5 = 16.487, the 15.87th is
    // 10 / e^0.5 = 6.065, and the mean is 10 * e^(0.5^2 / 2) = 11.331.
    private static readonly LogNormal Stage = new(10, 0.5);

    [Fact]
    public void Mean_MedianTenSigmaHalf_IsMedianTimesExpHalfSigmaSquared()
    {
        Stage.Mean.Should().BeApproximately(11.331, 0.001);
        Stage.AtStandardScore(1).Should().BeApproximately(16.487, 0.001);
    }

    [Fact]
    public void Sample_ManyDraws_MedianAndSpreadMatchHandComputedValues()
    {
        var sampler = new Sampler(2024);
        var draws = Enumerable.Range(0, 40_000).Select(_ => sampler.Sample(Stage)).Order().ToArray();

        Percentile(draws, 50).Should().BeApproximately(10, 0.25);
        Percentile(draws, 84.13).Should().BeApproximately(16.487, 0.5);
        Percentile(draws, 15.87).Should().BeApproximately(6.065, 0.2);
        draws.Average().Should().BeApproximately(11.331, 0.25);
        draws.Should().OnlyContain(minutes => minutes > 0);
    }

    [Fact]
    public void Sample_SameSeed_SameDraws()
    {
        var first = new Sampler(5);
        var second = new Sampler(5);

        Enumerable.Range(0, 100).Select(_ => first.Sample(Stage)).Should().Equal(Enumerable.Range(0, 100).Select(_ => second.Sample(Stage)));
    }

    private static double Percentile(double[] sorted, double percent) => sorted[(int)Math.Ceiling(percent / 100 * sorted.Length) - 1];
}
