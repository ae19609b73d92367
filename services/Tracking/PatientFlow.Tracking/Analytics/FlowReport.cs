using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Analytics;

/// <summary>Which visits an analytics answer covers, besides its window.</summary>
public sealed record FlowFilter(string? Clinic = null, Guid? ProviderId = null, string? Room = null, string? VisitType = null)
{
    public bool Admits(VisitFlow visit) =>
        (Clinic is null || visit.Clinic == Clinic) &&
        (ProviderId is null || visit.ProviderId == ProviderId) &&
        (Room is null || visit.Room == Room) &&
        (VisitType is null || visit.VisitType == VisitType);
}

/// <summary>A stretch's times over the window.</summary>
public sealed record IntervalTimes(string Name, IntervalKind Kind, VisitStage From, VisitStage To, Distribution Times)
{
    public static IReadOnlyList<IntervalTimes> Of(IReadOnlyCollection<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to) =>
        [.. FlowInterval.All.Select(i => new IntervalTimes(i.Name, i.Kind, i.From, i.To, FlowMeasures.Times(visits, i, from, to)))];
}

/// <summary>The bottleneck with where its waiting is (clinic, provider, room), most first.</summary>
public sealed record BottleneckFinding(string Interval, string Why, StretchLoad Load, IReadOnlyList<Hotspot> Where);

/// <summary>Everything the analytics page shows for one window and filter, as GET /api/tracking/analytics answers.</summary>
/// <param name="Visits">Visits on the clinic's day inside the window that pass the filter (cancelled ones included).</param>
public sealed record FlowReport(
    DateTimeOffset From,
    DateTimeOffset To,
    FlowFilter Filter,
    int Visits,
    IReadOnlyList<IntervalTimes> Intervals,
    Distribution DoorToProvider,
    Distribution Cycle,
    IReadOnlyList<HourlyThroughput> Throughput,
    IReadOnlyList<WorkInProgress> WorkInProgress,
    LittlesLawCheck LittlesLaw,
    IReadOnlyList<RoomUse> RoomUtilisation,
    NoShowRate NoShows,
    LateArrivalRate LateArrivals,
    Distribution LabTurnaround,
    ReferralClosure Referrals,
    IReadOnlyList<StretchLoad> Loads,
    BottleneckFinding? Bottleneck)
{
    public static FlowReport Build(IEnumerable<VisitFlow> all, DateTimeOffset from, DateTimeOffset to, FlowFilter filter)
    {
        var visits = all.Where(filter.Admits).ToList();
        return new FlowReport(
            from, to, filter, visits.Count,
            IntervalTimes.Of(visits, from, to),
            FlowMeasures.Times(visits, FlowInterval.DoorToProvider, from, to),
            FlowMeasures.Times(visits, FlowInterval.Cycle, from, to),
            FlowMeasures.Throughput(visits, from, to),
            FlowMeasures.InClinic(visits, from, to, SamplingStep(from, to)),
            FlowMeasures.LittlesLaw(visits, from, to),
            FlowMeasures.RoomUtilisation(visits, from, to),
            FlowMeasures.NoShows(visits, from, to),
            FlowMeasures.LateArrivals(visits, from, to),
            FlowMeasures.LabTurnaround(visits, from, to),
            FlowMeasures.Referrals(visits, from, to),
            FlowMeasures.Loads(visits, from, to),
            Find(visits, from, to));
    }

    public static BottleneckFinding? Find(IReadOnlyCollection<VisitFlow> visits, DateTimeOffset from, DateTimeOffset to) =>
        FlowMeasures.FindBottleneck(visits, from, to) is { } found
            ? new BottleneckFinding(found.Interval, found.Why, found.Load,
                FlowMeasures.Hotspots(visits, FlowInterval.All.Single(i => i.Name == found.Interval), from, to))
            : null;

    /// <summary>About 48 samples whatever the window, on whole minutes, at least one every 5 minutes' worth.</summary>
    public static TimeSpan SamplingStep(DateTimeOffset from, DateTimeOffset to) =>
        TimeSpan.FromMinutes(Math.Max(5, Math.Ceiling((to - from).TotalMinutes / 48)));
}

/// <summary>One group's stretch times, as GET /api/tracking/analytics/stages answers.</summary>
public sealed record StageGroup(string Key, int Visits, IReadOnlyList<IntervalTimes> Intervals);

public sealed record StageBreakdown(DateTimeOffset From, DateTimeOffset To, string GroupBy, IReadOnlyList<StageGroup> Groups)
{
    public static readonly IReadOnlyDictionary<string, Func<VisitFlow, string?>> Groupings = new Dictionary<string, Func<VisitFlow, string?>>
    {
        ["clinic"] = v => v.Clinic,
        ["provider"] = v => v.ProviderId?.ToString(),
        ["room"] = v => v.Room,
        ["visit-type"] = v => v.VisitType,
    };

    public static StageBreakdown Build(IEnumerable<VisitFlow> all, DateTimeOffset from, DateTimeOffset to, FlowFilter filter, string groupBy)
    {
        var key = Groupings[groupBy];
        var groups = all.Where(filter.Admits)
            .Where(v => key(v) is not null)
            .GroupBy(v => key(v)!)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var visits = group.ToList();
                return new StageGroup(group.Key, visits.Count, IntervalTimes.Of(visits, from, to));
            });
        return new StageBreakdown(from, to, groupBy, [.. groups]);
    }
}
