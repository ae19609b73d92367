namespace PatientFlow.Lab.Orders.Turnaround;

/// <summary>One test's way through the lab: when each step happened and how long each took, in minutes.</summary>
public sealed record TestTurnaround(
    Guid OrderId,
    string TestCode,
    LabPriority Priority,
    DateTimeOffset OrderedAt,
    DateTimeOffset? CollectedAt,
    DateTimeOffset? ResultedAt,
    DateTimeOffset? AcknowledgedAt,
    double? OrderedToCollectedMinutes,
    double? CollectedToResultedMinutes,
    double? ResultedToAcknowledgedMinutes,
    double? OrderedToResultedMinutes)
{
    public static TestTurnaround Of(LabOrderDetails order, LabTestDetails test) => new(
        order.OrderId, test.TestCode, order.Priority, order.OrderedAt, test.CollectedAt, test.ResultedAt, test.AcknowledgedAt,
        Minutes(order.OrderedAt, test.CollectedAt), Minutes(test.CollectedAt, test.ResultedAt),
        Minutes(test.ResultedAt, test.AcknowledgedAt), Minutes(order.OrderedAt, test.ResultedAt));

    private static double? Minutes(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end ? Math.Round((end - start).TotalMinutes, 2) : null;
}

/// <summary>Nearest-rank percentiles of one step over the tests that completed it; null when none did.</summary>
public sealed record StepSummary(int Count, double? P50, double? P90, double? Max)
{
    public static StepSummary Of(IEnumerable<double?> minutes)
    {
        var sorted = minutes.OfType<double>().Order().ToList();
        return sorted.Count == 0 ? new StepSummary(0, null, null, null) : new StepSummary(sorted.Count, Rank(sorted, 0.5), Rank(sorted, 0.9), sorted[^1]);
    }

    private static double Rank(List<double> sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Count) - 1)];
}

/// <summary>Turnaround of one test code over a window: how many were ordered, resulted, and each step's p50/p90/max in minutes.</summary>
public sealed record TestTurnaroundSummary(
    string TestCode,
    string TestName,
    int Ordered,
    int Resulted,
    StepSummary OrderedToCollected,
    StepSummary CollectedToResulted,
    StepSummary ResultedToAcknowledged,
    StepSummary OrderedToResulted);

public static class TurnaroundReport
{
    /// <summary>Cancelled tests are left out: they never turned around.</summary>
    public static IReadOnlyList<TestTurnaroundSummary> Summarise(IEnumerable<LabOrderDetails> orders, string? testCode) =>
    [
        .. orders
            .SelectMany(order => order.Tests.Where(t => t.Status != LabTestStatus.Cancelled).Select(test => (Name: test.TestName, Turnaround: TestTurnaround.Of(order, test))))
            .Where(t => testCode is null || string.Equals(t.Turnaround.TestCode, testCode, StringComparison.OrdinalIgnoreCase))
            .GroupBy(t => t.Turnaround.TestCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TestTurnaroundSummary(
                g.Key,
                g.First().Name,
                g.Count(),
                g.Count(t => t.Turnaround.ResultedAt is not null),
                StepSummary.Of(g.Select(t => t.Turnaround.OrderedToCollectedMinutes)),
                StepSummary.Of(g.Select(t => t.Turnaround.CollectedToResultedMinutes)),
                StepSummary.Of(g.Select(t => t.Turnaround.ResultedToAcknowledgedMinutes)),
                StepSummary.Of(g.Select(t => t.Turnaround.OrderedToResultedMinutes)))),
    ];
}
