namespace PatientFlow.Tracking.Analytics;

/// <summary>
/// How a set of durations (minutes) spread: count, nearest-rank p50/p90/p99 and the mean. Nearest rank is the
/// smallest value with at least p% of the values at or below it, so every percentile is a value that was measured.
/// </summary>
public sealed record Distribution(int Count, double? P50, double? P90, double? P99, double? Mean)
{
    public static readonly Distribution Empty = new(0, null, null, null, null);

    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? Empty
            : new Distribution(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 90), NearestRank(sorted, 99), Math.Round(sorted.Average(), 2));
    }

    /// <param name="sorted">Values in ascending order.</param>
    /// <param name="percent">0 &lt; percent ≤ 100.</param>
    public static double? NearestRank(IReadOnlyList<double> sorted, double percent)
    {
        if (percent is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a percentile is above 0 and at most 100");
        }

        return sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(percent / 100 * sorted.Count) - 1];
    }
}
