namespace PatientFlow.Tracking.Analytics;

/// <summary>Little's law over a window: the time-average number in the clinic (L) against arrival rate × mean stay (λW).</summary>
/// <param name="AverageInClinic">L: visits in the clinic (arrived, not checked out), averaged over the window.</param>
/// <param name="ArrivalsPerHour">λ: arrivals in the window per hour.</param>
/// <param name="MeanStayHours">W: mean hours from arrival to check-out of the window's arrivals; a visit still in the clinic counts until the window's end.</param>
/// <param name="Ratio">L / (λW): near 1 when the window is long against the stays; null when λW is 0.</param>
public sealed record LittlesLawCheck(double AverageInClinic, double ArrivalsPerHour, double MeanStayHours, double Predicted, double? Ratio);

/// <summary>Departures in one clock hour of the window.</summary>
public sealed record HourlyThroughput(DateTimeOffset HourStarting, int CheckedOut);

/// <summary>One waiting stretch over a window: its queue at the start and end, how fast it grew, and its share of all waiting.</summary>
public sealed record StretchLoad(string Interval, int QueueAtStart, int QueueAtEnd, double GrowthPerHour, double WaitMinutes, double WaitShare, Distribution Wait);

/// <summary>The waiting stretch whose queue grows and that holds the largest share of the waiting, with the numbers that show it.</summary>
public sealed record Bottleneck(string Interval, string Why, StretchLoad Load);

/// <summary>Flow maths over visits' stage times in a window [from, to). Pure: the same visits and window give the same figures.</summary>
public static class FlowMeasures
{
    /// <summary>p50/p90/p99 of an interval's minutes over the visits that completed it within the window.</summary>
    public static Distribution Times(IEnumerable<VisitFlow> visits, FlowInterval interval, DateTimeOffset from, DateTimeOffset to) =>
        Distribution.Of(visits
            .Where(v => v.At(interval.To) is { } end && end >= from && end < to)
            .Select(interval.MinutesOf)
            .OfType<double>());

    public static IReadOnlyList<HourlyThroughput> Throughput(IEnumerable<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var start = new DateTimeOffset(from.Year, from.Month, from.Day, from.Hour, 0, 0, from.Offset);
        var departures = visits.Select(v => v.At(Journeys.VisitStage.CheckedOut)).OfType<DateTimeOffset>().Where(at => at >= from && at < to).ToList();
        var hours = new List<HourlyThroughput>();
        for (var hour = start; hour < to; hour = hour.AddHours(1))
        {
            var end = hour.AddHours(1);
            hours.Add(new HourlyThroughput(hour, departures.Count(at => at >= hour && at < end)));
        }

        return hours;
    }

    public static LittlesLawCheck LittlesLaw(IEnumerable<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var hours = (to - from).TotalHours;
        if (hours <= 0)
        {
            throw new ArgumentException("the window must end after it starts", nameof(to));
        }

        var stays = visits
            .Where(v => v.At(Journeys.VisitStage.Arrived) is not null)
            .Select(v => (In: v.At(Journeys.VisitStage.Arrived)!.Value, Out: v.At(Journeys.VisitStage.CheckedOut) ?? to))
            .ToList();
        // L: each stay's overlap with the window, summed, over the window's length.
        var inClinicHours = stays.Sum(s => Math.Max(0, (Min(s.Out, to) - Max(s.In, from)).TotalHours));
        var arrivals = stays.Where(s => s.In >= from && s.In < to).ToList();
        var lambda = arrivals.Count / hours;
        var w = arrivals.Count == 0 ? 0 : arrivals.Average(s => (Min(s.Out, to) - s.In).TotalHours);
        var l = inClinicHours / hours;
        var predicted = lambda * w;
        return new LittlesLawCheck(Math.Round(l, 3), Math.Round(lambda, 3), Math.Round(w, 3), Math.Round(predicted, 3), predicted == 0 ? null : Math.Round(l / predicted, 3));
    }

    /// <summary>Each waiting stretch's load over the window; wait minutes count the part of each wait inside the window.</summary>
    public static IReadOnlyList<StretchLoad> Loads(IReadOnlyCollection<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var hours = (to - from).TotalHours;
        var waits = FlowInterval.All.Where(i => i.Kind == IntervalKind.Wait).ToList();
        var minutes = waits.ToDictionary(i => i, i => visits.Sum(v => WaitedInside(v, i, from, to)));
        var total = minutes.Values.Sum();
        return [.. waits.Select(i =>
        {
            var atStart = visits.Count(v => i.Holds(v, from));
            var atEnd = visits.Count(v => i.Holds(v, to));
            return new StretchLoad(
                i.Name, atStart, atEnd, Math.Round((atEnd - atStart) / hours, 3), Math.Round(minutes[i], 2),
                total == 0 ? 0 : Math.Round(minutes[i] / total, 3), Times(visits, i, from, to));
        })];
    }

    /// <summary>The waiting stretch whose queue grew over the window and that holds the largest share of the waiting; null when no queue grew.</summary>
    public static Bottleneck? FindBottleneck(IReadOnlyCollection<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var worst = Loads(visits, from, to)
            .Where(l => l.QueueAtEnd > l.QueueAtStart)
            .OrderByDescending(l => l.WaitShare)
            .ThenByDescending(l => l.GrowthPerHour)
            .FirstOrDefault();
        return worst is null
            ? null
            : new Bottleneck(worst.Interval,
                FormattableString.Invariant(
                    $"queue grew from {worst.QueueAtStart} to {worst.QueueAtEnd} ({worst.GrowthPerHour:+0.##;-0.##;0}/h) and holds {worst.WaitShare * 100:0}% of all waiting"),
                worst);
    }

    private static double WaitedInside(VisitFlow visit, FlowInterval interval, DateTimeOffset from, DateTimeOffset to)
    {
        if (visit.At(interval.From) is not { } entered)
        {
            return 0;
        }

        var left = visit.At(interval.To) ?? to;
        return Math.Max(0, (Min(left, to) - Max(entered, from)).TotalMinutes);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
