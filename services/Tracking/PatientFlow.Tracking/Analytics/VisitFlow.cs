using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Analytics;

/// <summary>
/// A visit as flow analytics sees it: where it was seen and when it first reached each stage, in corrected clinic
/// time. Stages it skipped (no lab ordered) are simply absent.
/// </summary>
public sealed record VisitFlow(
    Guid VisitId, string? Clinic, Guid? ProviderId, string? Room, string? VisitType, IReadOnlyDictionary<VisitStage, DateTimeOffset> Reached)
{
    /// <summary>The scheduled start; null for a walk-in known only from its check-in.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    public bool Cancelled { get; init; }

    /// <summary>A no-show that never arrived.</summary>
    public bool NoShow { get; init; }

    /// <summary>Scheduling flagged the arrival as late.</summary>
    public bool Late { get; init; }

    public IReadOnlyList<LabOrderFlow> LabOrders { get; init; } = [];

    public IReadOnlyList<ReferralFlow> Referrals { get; init; } = [];

    private static readonly string LabOrdered = ContractSteps.NameOf(typeof(Contracts.Lab.V1.LabOrderPlaced));
    private static readonly string LabCancelled = ContractSteps.NameOf(typeof(Contracts.Lab.V1.LabOrderCancelled));
    private static readonly string LabResulted = ContractSteps.NameOf(typeof(Contracts.Lab.V1.LabResultRecorded));
    private static readonly string ReferralMade = ContractSteps.NameOf(typeof(Contracts.Referral.V1.ReferralCreated));
    private static readonly string ReferralClosed = ContractSteps.NameOf(typeof(Contracts.Referral.V1.ReferralLoopClosed));
    private static readonly string ReferralDropped = ContractSteps.NameOf(typeof(Contracts.Referral.V1.ReferralCancelled));
    private static readonly string ReferralReopened = ContractSteps.NameOf(typeof(Contracts.Referral.V1.ReferralReopened));

    /// <summary>The visit's flow from its journey, on corrected clinic times: each stage at the first step that reached it.</summary>
    public static VisitFlow From(VisitJourney journey)
    {
        var effective = JourneyCorrections.Effective(journey.Steps);
        var reached = effective
            .Where(step => step.Step.Stage is not null)
            .GroupBy(step => step.Step.Stage!.Value)
            .ToDictionary(stage => stage.Key, stage => stage.Min(step => step.OccurredAt));
        var steps = effective.Select(step => step.Step with { OccurredAt = step.OccurredAt }).ToList();
        return new VisitFlow(journey.VisitId, journey.Clinic, journey.ProviderId, journey.Room, journey.VisitType, reached)
        {
            ScheduledAt = journey.ScheduledAt,
            Cancelled = journey.Cancelled,
            NoShow = journey.NoShow,
            Late = journey.LateMinutes is not null,
            LabOrders = LabOrdersOf(steps),
            Referrals = ReferralsOf(steps),
        };
    }

    /// <summary>Each lab order placed, resulted when its last test's result came (a cancelled order is left out).</summary>
    private static IReadOnlyList<LabOrderFlow> LabOrdersOf(IReadOnlyList<JourneyStepRecorded> steps) =>
    [
        .. steps.Where(step => step.EventType == LabOrdered && step.Reference is not null)
            .GroupBy(step => step.Reference!.Value)
            .Where(order => !steps.Any(step => step.EventType == LabCancelled && step.Reference == order.Key))
            .Select(order => new LabOrderFlow(
                order.Key,
                order.Min(step => step.OccurredAt),
                steps.Where(step => step.EventType == LabResulted && step.Reference == order.Key).Select(step => (DateTimeOffset?)step.OccurredAt).Max())),
    ];

    /// <summary>Each referral made, closed when the loop closed last (a reopened referral is open again; a cancelled one is left out).</summary>
    private static IReadOnlyList<ReferralFlow> ReferralsOf(IReadOnlyList<JourneyStepRecorded> steps) =>
    [
        .. steps.Where(step => step.EventType == ReferralMade && step.Reference is not null)
            .Select(made =>
            {
                var later = steps.Where(step => step.Reference == made.Reference).ToList();
                var last = later.LastOrDefault(step => step.EventType == ReferralClosed || step.EventType == ReferralReopened || step.EventType == ReferralDropped);
                return new ReferralFlow(made.Reference!.Value, made.OccurredAt, last?.EventType == ReferralClosed ? last.OccurredAt : null, last?.EventType == ReferralDropped);
            }),
    ];

    public DateTimeOffset? At(VisitStage stage) => Reached.TryGetValue(stage, out var at) ? at : null;

    /// <summary>Minutes from reaching <paramref name="from"/> to reaching <paramref name="to"/>; null unless both were reached. Never negative.</summary>
    public double? Minutes(VisitStage from, VisitStage to) =>
        At(from) is { } start && At(to) is { } end ? Math.Max(0, (end - start).TotalMinutes) : null;
}

/// <param name="ResultedAt">When the order's last result was recorded; null while none is.</param>
public sealed record LabOrderFlow(Guid OrderId, DateTimeOffset PlacedAt, DateTimeOffset? ResultedAt);

/// <param name="ClosedAt">When the loop closed (report received); null while open.</param>
public sealed record ReferralFlow(Guid ReferralId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, bool Cancelled);

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
