namespace PatientFlow.Tracking.Bottlenecks;

/// <summary>A clinic's waiting stretch became its bottleneck: its queue grew over the window and it holds the largest share of the waiting.</summary>
/// <param name="At">Clinic time of the check that found it.</param>
/// <param name="Where">The provider or room most of that waiting is for, when one stands out.</param>
public sealed record BottleneckAppeared(
    string Clinic, string Interval, string Why, int QueueAtStart, int QueueAtEnd, double WaitShare, DateTimeOffset At, string? Where = null);

/// <summary>The clinic's bottleneck is gone: no waiting stretch's queue grew over the window.</summary>
public sealed record BottleneckCleared(string Clinic, string Interval, DateTimeOffset At);

/// <summary>A clinic's bottleneck state, folded from its stream.</summary>
public sealed record BottleneckState(string? Interval, string? Why, DateTimeOffset? Since)
{
    public static readonly BottleneckState None = new(null, null, null);

    public static BottleneckState Fold(IEnumerable<object> events) => events.Aggregate(None, (state, e) => e switch
    {
        BottleneckAppeared appeared => new BottleneckState(appeared.Interval, appeared.Why, appeared.At),
        BottleneckCleared => None,
        _ => state,
    });
}

/// <summary>What the monitor decides from one check of a clinic.</summary>
public static class BottleneckDecider
{
    /// <param name="found">The stretch found as the bottleneck now; null when none.</param>
    /// <returns>The events to append: none while nothing changed; a clear and a new appearance when the bottleneck moved.</returns>
    public static IReadOnlyList<object> Decide(string clinic, BottleneckState state, Analytics.BottleneckFinding? found, DateTimeOffset at)
    {
        if (found is null)
        {
            return state.Interval is { } was ? [new BottleneckCleared(clinic, was, at)] : [];
        }

        if (state.Interval == found.Interval)
        {
            return [];
        }

        var appeared = new BottleneckAppeared(
            clinic, found.Interval, found.Why, found.Load.QueueAtStart, found.Load.QueueAtEnd, found.Load.WaitShare, at,
            found.Where.FirstOrDefault(h => h.By != "clinic" && h.Share >= 0.5) is { } spot ? $"{spot.By} {spot.Key}" : null);
        return state.Interval is { } before ? [new BottleneckCleared(clinic, before, at), appeared] : [appeared];
    }
}
