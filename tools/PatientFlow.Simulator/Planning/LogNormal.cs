namespace PatientFlow.Simulator.Planning;

/// <summary>
/// A service time in minutes: never negative, with the long right tail clinic stages have. ln(x) is normal with
/// mean ln(<see cref="Median"/>) and standard deviation <see cref="Sigma"/>: half the times fall below the median,
/// and the 84th percentile is the median times e^sigma.
/// </summary>
public sealed record LogNormal(double Median, double Sigma)
{
    public double Mean => Median * Math.Exp(Sigma * Sigma / 2);

    /// <summary>The time below which <paramref name="z"/> standard deviations of ln(x) fall (z = 1: the 84th percentile).</summary>
    public double AtStandardScore(double z) => Median * Math.Exp(Sigma * z);
}
