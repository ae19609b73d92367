using JasperFx;

namespace PatientFlow.Lab.Orders.GettingDetails;

/// <summary>An order as the care team sees it, kept by an inline projection of the order stream.</summary>
public sealed record LabOrderDetails(
    [property: Identity] Guid OrderId,
    Guid VisitId,
    Guid PatientId,
    LabPriority Priority,
    LabOrderStatus Status,
    string OrderedBy,
    DateTimeOffset OrderedAt,
    IReadOnlyList<LabTestDetails> Tests,
    IReadOnlyList<SpecimenDetails> Specimens,
    LabCancellation? Cancellation = null)
{
    public static async Task<LabOrderDetails> LoadAsync(IQuerySession session, Guid orderId, CancellationToken ct) =>
        await session.LoadAsync<LabOrderDetails>(orderId, ct) ?? throw LabOrder.NotFound(orderId);

    /// <summary>The earliest moment time alone changes this order (a critical value escalating, a send-out falling overdue); the sweeper's index.</summary>
    public DateTimeOffset? NextDeadline { get; init; }

    /// <summary>Whether a critical value waits for a clinician; the critical-results worklist's index.</summary>
    public bool AwaitsCriticalAcknowledgement { get; init; }

    public static LabOrderDetails Create(LabOrderPlaced placed) => new(
        placed.OrderId, placed.VisitId, placed.PatientId, placed.Priority, LabOrderStatus.Ordered, placed.OrderedBy, placed.OrderedAt,
        [.. placed.Tests.Select(t => new LabTestDetails(
            t.Test.Code, t.Test.Name, t.Test.Specimen, t.Test.Performed, t.Test.Unit, t.Range?.ToString(), LabTestStatus.AwaitingCollection))],
        []);

    public LabOrderDetails Apply(LabOrderCancelled e) => Refreshed(WithTests(e.TestCodes, t => t with { Status = LabTestStatus.Cancelled }) with { Cancellation = new LabCancellation(e.Reason, e.CancelledBy, e.CancelledAt) });

    public LabOrderDetails Apply(SpecimenCollected e) => Refreshed(
        WithTests(e.TestCodes, t => t with { Status = LabTestStatus.Collected, AccessionId = e.AccessionId, CollectedAt = e.CollectedAt })
        with { Specimens = [.. Specimens, new SpecimenDetails(e.SpecimenId, e.AccessionId, e.SpecimenType, e.TestCodes, SpecimenStatus.Collected, e.CollectedBy, e.CollectedAt)] });

    public LabOrderDetails Apply(SpecimenRejected e) => Refreshed(
        WithTests(e.TestCodes, t => t with { Status = LabTestStatus.AwaitingCollection, AccessionId = null, CollectedAt = null, Recollections = t.Recollections + 1 })
        with { Specimens = WithSpecimen(e.SpecimenId, s => s with { Status = SpecimenStatus.Rejected, RejectionReason = e.Reason, RejectedAt = e.RejectedAt }) });

    public LabOrderDetails Apply(SpecimenSentOut e) => Refreshed(
        WithTests(e.TestCodes, t => t with { Status = LabTestStatus.SentOut })
        with { Specimens = WithSpecimen(e.SpecimenId, s => s with { Status = SpecimenStatus.SentOut, ExternalLab = e.ExternalLab, SentAt = e.SentAt, ExpectedBy = e.ExpectedBy }) });

    public LabOrderDetails Apply(SendOutOverdue e) => Refreshed(this with { Specimens = WithSpecimen(e.SpecimenId, s => s with { OverdueSince = e.DetectedAt }) });

    public LabOrderDetails Apply(LabResultRecorded e) => Refreshed(
        WithTests([e.TestCode], t => t with
    {
        Status = LabTestStatus.Resulted,
        Result = new LabResultDetails(e.Value, e.Unit, e.ReferenceRange, e.Flag, e.ResultedBy, e.ResultedAt),
        ResultedAt = e.ResultedAt,
    }));

    public LabOrderDetails Apply(CriticalResultFlagged e) => Refreshed(WithTests([e.TestCode], t => t with { Critical = new CriticalDetails(e.Flag, e.FlaggedAt, e.AcknowledgeBy, null) }));

    public LabOrderDetails Apply(CriticalResultEscalated e) => Refreshed(WithTests([e.TestCode], t => t with { Critical = t.Critical! with { EscalatedAt = e.EscalatedAt } }));

    public LabOrderDetails Apply(LabResultAcknowledged e) => Refreshed(WithTests([e.TestCode], t => t with { AcknowledgedBy = e.AcknowledgedBy, AcknowledgedAt = e.AcknowledgedAt }));

    public LabOrderDetails Apply(LabResultAmended e) => Refreshed(
        WithTests([e.TestCode], t => t with
    {
        Result = t.Result! with { Value = e.Value, Flag = e.Flag },
        Amendments = [.. t.Amendments ?? [], new LabAmendment(e.OriginalValue, e.OriginalFlag, e.Value, e.Flag, e.Reason, e.AmendedBy, e.AmendedAt)],
        Critical = null,
        AcknowledgedBy = null,
        AcknowledgedAt = null,
    }));

    private LabOrderDetails WithTests(IReadOnlyCollection<string> codes, Func<LabTestDetails, LabTestDetails> change) =>
        this with { Tests = [.. Tests.Select(t => codes.Contains(t.TestCode) ? change(t) : t)] };

    private IReadOnlyList<SpecimenDetails> WithSpecimen(Guid specimenId, Func<SpecimenDetails, SpecimenDetails> change) =>
        [.. Specimens.Select(s => s.SpecimenId == specimenId ? change(s) : s)];

    private static LabOrderDetails Refreshed(LabOrderDetails order)
    {
        var (tests, specimens) = (order.Tests, order.Specimens);
        var live = tests.Where(t => t.Status != LabTestStatus.Cancelled).ToList();
        var status = live.Count == 0 ? LabOrderStatus.Cancelled
            : live.All(t => t.Status == LabTestStatus.Resulted) ? LabOrderStatus.Resulted
            : live.Any(t => t.Status != LabTestStatus.AwaitingCollection) ? LabOrderStatus.InProgress
            : LabOrderStatus.Ordered;
        var pendingCritical = tests.Where(t => t.Critical is { } c && t.AcknowledgedAt is null).ToList();
        DateTimeOffset?[] deadlines =
        [
            .. pendingCritical.Where(t => t.Critical!.EscalatedAt is null).Select(t => (DateTimeOffset?)t.Critical!.AcknowledgeBy),
            .. specimens.Where(s => s is { Status: SpecimenStatus.SentOut, OverdueSince: null }
                    && tests.Any(t => t.AccessionId == s.AccessionId && t.Status == LabTestStatus.SentOut))
                .Select(s => s.ExpectedBy),
        ];
        return order with
        {
            Status = status,
            AwaitsCriticalAcknowledgement = pendingCritical.Count > 0,
            NextDeadline = deadlines.Min(),
        };
    }
}

public enum SpecimenStatus
{
    Collected,
    Rejected,
    SentOut,
}

/// <param name="ReferenceRange">The range chosen for this patient (by sex and age band where the catalog distinguishes them).</param>
public sealed record LabTestDetails(
    string TestCode,
    string TestName,
    string Specimen,
    Performed Performed,
    string Unit,
    string? ReferenceRange,
    LabTestStatus Status,
    string? AccessionId = null,
    LabResultDetails? Result = null,
    CriticalDetails? Critical = null,
    IReadOnlyList<LabAmendment>? Amendments = null,
    int Recollections = 0,
    DateTimeOffset? CollectedAt = null,
    DateTimeOffset? ResultedAt = null,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null);

/// <summary>The result now (amended when amendments are listed) with its interpretation flag: N, L, H, LL, HH or A.</summary>
public sealed record LabResultDetails(string Value, string Unit, string? ReferenceRange, string Flag, string ResultedBy, DateTimeOffset ResultedAt);

public sealed record CriticalDetails(string Flag, DateTimeOffset FlaggedAt, DateTimeOffset AcknowledgeBy, DateTimeOffset? EscalatedAt);

/// <summary>One correction: the value before and after, and why.</summary>
public sealed record LabAmendment(string PreviousValue, string PreviousFlag, string Value, string Flag, string Reason, string AmendedBy, DateTimeOffset AmendedAt);

public sealed record SpecimenDetails(
    Guid SpecimenId,
    string AccessionId,
    string SpecimenType,
    IReadOnlyList<string> TestCodes,
    SpecimenStatus Status,
    string CollectedBy,
    DateTimeOffset CollectedAt,
    SpecimenRejection? RejectionReason = null,
    DateTimeOffset? RejectedAt = null,
    string? ExternalLab = null,
    DateTimeOffset? SentAt = null,
    DateTimeOffset? ExpectedBy = null,
    DateTimeOffset? OverdueSince = null);

public sealed record LabCancellation(string Reason, string CancelledBy, DateTimeOffset CancelledAt);
