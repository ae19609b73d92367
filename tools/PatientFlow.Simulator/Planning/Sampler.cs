namespace PatientFlow.Simulator.Planning;

/// <summary>
/// Every random choice of a plan, drawn from one seeded generator in a fixed order, so the same seed gives the
/// same day. <see cref="System.Random"/> with a seed keeps its sequence across .NET versions.
/// </summary>
public sealed class Sampler(int seed)
{
    private readonly Random random = new(seed);

    public bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => random.Next(min, max + 1);

    public double Uniform(double min, double max) => min + ((max - min) * random.NextDouble());

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var roll = random.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double StandardNormal()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Normal(double mean, double standardDeviation) => mean + (standardDeviation * StandardNormal());

    public double Sample(LogNormal distribution) => distribution.Median * Math.Exp(distribution.Sigma * StandardNormal());
}
