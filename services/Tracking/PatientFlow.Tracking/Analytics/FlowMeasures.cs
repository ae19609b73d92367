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

/// <summary>Visits in the clinic (arrived, not checked out) at one instant.</summary>
public sealed record WorkInProgress(DateTimeOffset At, int InClinic);

/// <summary>How long a room held a patient (roomed until the provider was done, or check-out) inside the window, and that time's share of the window.</summary>
public sealed record RoomUse(string Room, double OccupiedMinutes, double Utilisation);

/// <param name="Booked">Visits scheduled to start in the window, not cancelled.</param>
/// <param name="Rate">NoShows / Booked; 0 when none was booked.</param>
public sealed record NoShowRate(int Booked, int NoShows, double Rate);

/// <param name="Arrived">Booked visits that arrived in the window (walk-ins have no time to be late for).</param>
/// <param name="Rate">Late / Arrived; 0 when none arrived.</param>
public sealed record LateArrivalRate(int Arrived, int Late, double Rate);

/// <param name="Rate">Closed / created, of the referrals made in the window and not cancelled.</param>
/// <param name="DaysToClose">Days from referral to closed loop, of those closed.</param>
public sealed record ReferralClosure(int Created, int Closed, double Rate, Distribution DaysToClose);

/// <summary>Where a stretch's waiting is: one clinic, provider or room, its waiting minutes inside the window and share of the stretch's.</summary>
public sealed record Hotspot(string By, string Key, int QueueAtEnd, double WaitMinutes, double Share);

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

    /// <summary>Visits in the clinic at each sample instant, from the window's start every <paramref name="step"/>, ending with the window's end.</summary>
    public static IReadOnlyList<WorkInProgress> InClinic(IReadOnlyCollection<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "the sampling step must be positive");
        }

        var samples = new List<WorkInProgress>();
        for (var at = from; at < to; at += step)
        {
            samples.Add(new WorkInProgress(at, visits.Count(v => FlowInterval.Cycle.Holds(v, at))));
        }

        samples.Add(new WorkInProgress(to, visits.Count(v => FlowInterval.Cycle.Holds(v, to))));
        return samples;
    }

    /// <summary>Each room's occupied minutes inside the window: from rooming until the provider was done, else check-out, else the window's end.</summary>
    public static IReadOnlyList<RoomUse> RoomUtilisation(IEnumerable<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var minutes = (to - from).TotalMinutes;
        return [.. visits
            .Where(v => v.Room is not null && v.At(Journeys.VisitStage.Roomed) is not null)
            .GroupBy(v => v.Room!)
            .Select(room =>
            {
                var occupied = room.Sum(v =>
                {
                    var left = v.At(Journeys.VisitStage.ProviderDone) ?? v.At(Journeys.VisitStage.CheckedOut) ?? to;
                    return Math.Max(0, (Min(left, to) - Max(v.At(Journeys.VisitStage.Roomed)!.Value, from)).TotalMinutes);
                });
                return new RoomUse(room.Key, Math.Round(occupied, 2), minutes <= 0 ? 0 : Math.Round(occupied / minutes, 3));
            })
            .OrderBy(room => room.Room, StringComparer.Ordinal)];
    }

    /// <summary>Of the visits scheduled to start in the window and not cancelled, those that were no-shows.</summary>
    public static NoShowRate NoShows(IEnumerable<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var (of, count, rate) = RateOf(visits.Where(v => !v.Cancelled && v.ScheduledAt is { } at && at >= from && at < to).ToList(), v => v.NoShow);
        return new NoShowRate(of, count, rate);
    }

    /// <summary>Of the booked visits that arrived in the window, those scheduling flagged as late.</summary>
    public static LateArrivalRate LateArrivals(IEnumerable<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var (of, count, rate) = RateOf(visits.Where(v => v.ScheduledAt is not null && v.At(Journeys.VisitStage.Arrived) is { } at && at >= from && at < to).ToList(), v => v.Late);
        return new LateArrivalRate(of, count, rate);
    }

    /// <summary>Minutes from placing a lab order to its last result, of the orders resulted in the window.</summary>
    public static Distribution LabTurnaround(IEnumerable<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to) =>
        Distribution.Of(visits
            .SelectMany(v => v.LabOrders)
            .Where(order => order.ResultedAt is { } at && at >= from && at < to)
            .Select(order => Math.Max(0, (order.ResultedAt!.Value - order.PlacedAt).TotalMinutes)));

    /// <summary>Of the referrals made in the window and not cancelled, how many loops closed, and in how many days.</summary>
    public static ReferralClosure Referrals(IEnumerable<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to)
    {
        var made = visits.SelectMany(v => v.Referrals).Where(r => !r.Cancelled && r.CreatedAt >= from && r.CreatedAt < to).ToList();
        var closed = made.Where(r => r.ClosedAt is not null).ToList();
        return new ReferralClosure(
            made.Count, closed.Count, made.Count == 0 ? 0 : Math.Round((double)closed.Count / made.Count, 3),
            Distribution.Of(closed.Select(r => Math.Round((r.ClosedAt!.Value - r.CreatedAt).TotalDays, 2))));
    }

    /// <summary>Where a stretch's waiting is, by clinic, provider or room: most waiting minutes inside the window first.</summary>
    public static IReadOnlyList<Hotspot> Hotspots(IReadOnlyCollection<VisitFlow> visits, FlowInterval interval, DateTimeOffset from, DateTimeOffset to)
    {
        var total = visits.Sum(v => WaitedInside(v, interval, from, to));
        IEnumerable<Hotspot> By(string by, Func<VisitFlow, string?> key) => visits
            .Where(v => key(v) is not null)
            .GroupBy(v => key(v)!)
            .Select(group => (group.Key, Minutes: group.Sum(v => WaitedInside(v, interval, from, to)), Queue: group.Count(v => interval.Holds(v, to))))
            .Where(group => group.Minutes > 0)
            .Select(group => new Hotspot(by, group.Key, group.Queue, Math.Round(group.Minutes, 2), total == 0 ? 0 : Math.Round(group.Minutes / total, 3)));
        return [.. By("clinic", v => v.Clinic)
            .Concat(By("provider", v => v.ProviderId?.ToString()))
            .Concat(By("room", v => v.Room))
            .OrderByDescending(h => h.WaitMinutes)
            .ThenBy(h => h.By, StringComparer.Ordinal)
            .ThenBy(h => h.Key, StringComparer.Ordinal)];
    }

    private static (int Of, int Count, double Rate) RateOf(IReadOnlyCollection<VisitFlow> of, Func<VisitFlow, bool> had)
    {
        var count = of.Count(had);
        return (of.Count, count, of.Count == 0 ? 0 : Math.Round((double)count / of.Count, 3));
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
