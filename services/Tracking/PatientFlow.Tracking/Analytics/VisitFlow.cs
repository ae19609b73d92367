using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Analytics;

/// <summary>
/// A visit as flow analytics sees it: where it was seen and when it first reached each stage, in corrected clinic
/// time. Stages it skipped (no lab ordered) are simply absent.
/// </summary>
public sealed record VisitFlow(
    Guid VisitId, string? Clinic, Guid? ProviderId, string? Room, string? VisitType, IReadOnlyDictionary<VisitStage, DateTimeOffset> Reached)
{
    public DateTimeOffset? At(VisitStage stage) => Reached.TryGetValue(stage, out var at) ? at : null;

    /// <summary>Minutes from reaching <paramref name="from"/> to reaching <paramref name="to"/>; null unless both were reached. Never negative.</summary>
    public double? Minutes(VisitStage from, VisitStage to) =>
        At(from) is { } start && At(to) is { } end ? Math.Max(0, (end - start).TotalMinutes) : null;
}

public enum IntervalKind
{
    /// <summary>The patient waits for the next person or place.</summary>
    Wait,

    /// <summary>Someone is with the patient.</summary>
    Service,
}

/// <summary>A named stretch of a visit between reaching one stage and reaching the next.</summary>
public sealed record FlowInterval(string Name, VisitStage From, VisitStage To, IntervalKind Kind)
{
    public static readonly FlowInterval WaitingForRoom = new("waiting-for-room", VisitStage.Arrived, VisitStage.Roomed, IntervalKind.Wait);
    public static readonly FlowInterval Intake = new("intake", VisitStage.Roomed, VisitStage.IntakeDone, IntervalKind.Service);
    public static readonly FlowInterval WaitingForProvider = new("waiting-for-provider", VisitStage.IntakeDone, VisitStage.WithProvider, IntervalKind.Wait);
    public static readonly FlowInterval WithProvider = new("with-provider", VisitStage.WithProvider, VisitStage.ProviderDone, IntervalKind.Service);
    public static readonly FlowInterval CheckingOut = new("checking-out", VisitStage.ProviderDone, VisitStage.CheckedOut, IntervalKind.Wait);

    /// <summary>The stretches of a clinic visit, in order; door to provider and cycle time span several.</summary>
    public static readonly IReadOnlyList<FlowInterval> All = [WaitingForRoom, Intake, WaitingForProvider, WithProvider, CheckingOut];

    public static readonly FlowInterval DoorToProvider = new("door-to-provider", VisitStage.Arrived, VisitStage.WithProvider, IntervalKind.Wait);
    public static readonly FlowInterval Cycle = new("cycle", VisitStage.Arrived, VisitStage.CheckedOut, IntervalKind.Service);

    public double? MinutesOf(VisitFlow visit) => visit.Minutes(From, To);

    /// <summary>Whether the visit is in this stretch at <paramref name="at"/>: it reached <see cref="From"/> and not yet <see cref="To"/>.</summary>
    public bool Holds(VisitFlow visit, DateTimeOffset at) =>
        visit.At(From) is { } entered && entered <= at && (visit.At(To) is not { } left || left > at);
}
