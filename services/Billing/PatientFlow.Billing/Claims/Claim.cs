using JasperFx;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Scrubbing;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Claims;

// A claim is its own stream (its own id), drafted once from the visit's billing account, then scrubbed, batched,
// acknowledged, adjudicated and, when need be, appealed or replaced by a corrected claim.

/// <summary>
/// A professional claim drafted for a visit. Lines are numbered from 1; their diagnosis pointers are
/// 1-based indexes into <see cref="Diagnoses"/>. <see cref="ClaimNumber"/> is the patient control number (CLM01)
/// the payer echoes back in its remittance (CLP01).
/// </summary>
public sealed record ClaimCreated(
    Guid ClaimId,
    Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    string? Clinic,
    DateOnly DateOfService,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ClaimLine> Lines,
    decimal TotalCharge,
    string Currency,
    DateTimeOffset CreatedAt,
    string? ClaimNumber = null);

public sealed record ClaimLine(
    int LineNumber,
    string Code,
    int Units,
    decimal UnitPrice,
    decimal Amount,
    IReadOnlyList<int> DiagnosisPointers,
    ChargeSource Source,
    bool Unpriced,
    IReadOnlyList<string>? Modifiers = null)
{
    /// <summary>The lines numbered on from <paramref name="after"/>.</summary>
    public static List<ClaimLine> Renumbered(IReadOnlyList<ClaimLine> lines, int after) =>
        [.. lines.Select((l, i) => l with { LineNumber = after + i + 1 })];
}

/// <summary>The coverage a claim is billed to, copied from the patient's primary coverage when it was scrubbed.</summary>
public sealed record BilledCoverage(
    Guid CoverageId,
    string PayerId,
    string PayerName,
    string MemberId,
    string? GroupNumber,
    SubscriberDetails Subscriber,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    bool Active,
    string EligibilityReason);

/// <summary>The scrubber's verdict on the claim as it stands; with no blocking edit the claim is ready for a batch.</summary>
public sealed record ClaimScrubbed(Guid ClaimId, BilledCoverage? Coverage, IReadOnlyList<ClaimEdit> Edits, DateTimeOffset ScrubbedAt)
{
    public bool Blocked => ClaimScrubber.Blocks(Edits);
}

/// <summary>Billing staff recoded the claim (diagnoses, procedures, modifiers, units, pointers); lines are repriced.</summary>
public sealed record ClaimCoded(
    Guid ClaimId, IReadOnlyList<string> Diagnoses, IReadOnlyList<ClaimLine> Lines, decimal TotalCharge, string Reason, string CodedBy, DateTimeOffset CodedAt);

/// <summary>Charges recorded after the claim was drafted (a late lab result) added to it as new lines.</summary>
public sealed record ClaimLinesAdded(Guid ClaimId, IReadOnlyList<ClaimLine> Lines, decimal TotalCharge, DateTimeOffset AddedAt);

/// <summary>A late charge for a claim the payer holds: kept until the payer's answer, then billed on the corrected claim.</summary>
public sealed record LateChargeHeld(Guid ClaimId, ClaimLine Line, DateTimeOffset HeldAt);

public sealed record ClaimSubmitted(Guid ClaimId, Guid VisitId, Guid PatientId, Guid BatchId, long InterchangeControlNumber, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>The clearinghouse or payer acknowledged the claim (277CA accepted): it is in adjudication.</summary>
public sealed record ClaimAccepted(Guid ClaimId, Guid VisitId, Guid PatientId, Guid BatchId, DateTimeOffset AcceptedAt);

/// <summary>The clearinghouse or payer refused the claim at the front door (277CA rejected); it never reached adjudication.</summary>
public sealed record ClaimRejected(Guid ClaimId, Guid VisitId, Guid PatientId, Guid BatchId, string Reason, DateTimeOffset RejectedAt);

public enum ClaimOutcome
{
    Paid,
    PartiallyPaid,
    Denied,
}

/// <summary>A service line as the payer adjudicated it.</summary>
public sealed record LineAdjudication(int LineNumber, string Procedure, decimal Charged, decimal Paid, IReadOnlyList<Adjustment> Adjustments, bool Denied);

/// <summary>
/// The payer's decision from a remittance (835). <see cref="PatientResponsibility"/> is the sum of the PR
/// (patient responsibility) adjustments, or CLP05 where the payer sent none.
/// </summary>
public sealed record ClaimAdjudicated(
    Guid ClaimId,
    Guid VisitId,
    Guid PatientId,
    Guid RemittanceId,
    string TraceNumber,
    string PayerClaimNumber,
    string StatusCode,
    ClaimOutcome Outcome,
    decimal Charged,
    decimal Paid,
    decimal PatientResponsibility,
    IReadOnlyList<Adjustment> Adjustments,
    IReadOnlyList<LineAdjudication> Lines,
    DateOnly? PaymentDate,
    DateTimeOffset PostedAt);

public sealed record ClaimAppealed(Guid ClaimId, Guid VisitId, Guid PatientId, string Reason, string AppealedBy, DateTimeOffset AppealedAt);

/// <summary>
/// The claim becomes a replacement (frequency code 7) of the one the payer adjudicated as
/// <see cref="OriginalPayerClaimNumber"/>; it is scrubbed and batched again.
/// </summary>
public sealed record ClaimReplacementStarted(Guid ClaimId, Guid VisitId, Guid PatientId, string OriginalPayerClaimNumber, string Reason, string By, DateTimeOffset At);

public enum ClaimStatus
{
    Draft,
    Ready,
    Submitted,
    Accepted,
    Rejected,
    Paid,
    PartiallyPaid,
    Denied,
    Appealed,
}

/// <summary>One step of the claim's life as staff see it in its history.</summary>
public sealed record ClaimStep(ClaimStatus Status, string What, DateTimeOffset At);

/// <summary>
/// The claim: decisions fold it from its events; an inline snapshot of it is what the API and queries read.
/// <see cref="WorkQueue"/> names why a person must act on it, or is null when nobody needs to.
/// </summary>
[FetchWithLock]
public sealed record Claim(
    [property: Identity] Guid ClaimId,
    string ClaimNumber,
    Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    string? Clinic,
    DateOnly DateOfService,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ClaimLine> Lines,
    decimal TotalCharge,
    string Currency,
    ClaimStatus Status,
    DateTimeOffset CreatedAt) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"claim {streamId} not found");


    /// <summary>1 for an original claim, 7 for a replacement of an adjudicated one.</summary>
    public string FrequencyCode { get; init; } = "1";

    public string? OriginalPayerClaimNumber { get; init; }

    public BilledCoverage? Coverage { get; init; }

    public IReadOnlyList<ClaimEdit> Edits { get; init; } = [];

    public DateTimeOffset? ScrubbedAt { get; init; }

    /// <summary>Late charges waiting for the payer's answer to go on the corrected claim.</summary>
    public IReadOnlyList<ClaimLine> HeldLines { get; init; } = [];

    public Guid? BatchId { get; init; }

    public string? RejectionReason { get; init; }

    public ClaimAdjudicated? Adjudication { get; init; }

    public IReadOnlyList<Guid> PostedRemittances { get; init; } = [];

    public string? AppealReason { get; init; }

    public IReadOnlyList<ClaimStep> History { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public string? PayerId => Coverage?.PayerId;

    public bool Blocked => ClaimScrubber.Blocks(Edits);

    /// <summary>What the patient owes on this claim once adjudicated; null before.</summary>
    public decimal? PatientResponsibility => Adjudication?.PatientResponsibility;

    public string? WorkQueue => Status switch
    {
        ClaimStatus.Draft when Blocked => "scrubber",
        ClaimStatus.Rejected => "rejected",
        ClaimStatus.Denied => "denied",
        ClaimStatus.PartiallyPaid => "partially-paid",
        _ => null,
    };

    /// <summary>The claim has left for the payer and not come back adjudicated or rejected.</summary>
    public bool AtPayer => Status is ClaimStatus.Submitted or ClaimStatus.Accepted or ClaimStatus.Appealed;

    public static Claim Create(ClaimCreated e) => new Claim(
        e.ClaimId, e.ClaimNumber ?? e.ClaimId.ToString("N")[..20].ToUpperInvariant(), e.VisitId, e.PatientId, e.ProviderId, e.Clinic, e.DateOfService,
        e.Diagnoses, e.Lines, e.TotalCharge, e.Currency, ClaimStatus.Draft, e.CreatedAt)
    {
        UpdatedAt = e.CreatedAt,
        History = [new ClaimStep(ClaimStatus.Draft, "drafted", e.CreatedAt)],
    };

    public Claim Apply(ClaimScrubbed e)
    {
        var status = e.Blocked ? ClaimStatus.Draft : ClaimStatus.Ready;
        return Step(status, e.Blocked ? $"scrubbed: {e.Edits.Count(x => x.Severity == EditSeverity.Blocking)} blocking edit(s)" : "scrubbed: ready", e.ScrubbedAt) with
        {
            Coverage = e.Coverage,
            Edits = e.Edits,
            ScrubbedAt = e.ScrubbedAt,
        };
    }

    public Claim Apply(ClaimCoded e) =>
        Step(ClaimStatus.Draft, "recoded", e.CodedAt) with { Diagnoses = e.Diagnoses, Lines = e.Lines, TotalCharge = e.TotalCharge, HeldLines = [] };

    public Claim Apply(ClaimLinesAdded e) =>
        Step(ClaimStatus.Draft, $"{e.Lines.Count} late charge(s) added", e.AddedAt) with { Lines = [.. Lines, .. e.Lines], TotalCharge = e.TotalCharge, HeldLines = [] };

    public Claim Apply(LateChargeHeld e) => this with { HeldLines = [.. HeldLines, e.Line], UpdatedAt = e.HeldAt };

    public Claim Apply(ClaimSubmitted e) => Step(ClaimStatus.Submitted, "submitted in a batch", e.SubmittedAt) with { BatchId = e.BatchId, RejectionReason = null };

    public Claim Apply(ClaimAccepted e) => Step(ClaimStatus.Accepted, "accepted for adjudication", e.AcceptedAt);

    public Claim Apply(ClaimRejected e) => Step(ClaimStatus.Rejected, "rejected", e.RejectedAt) with { RejectionReason = e.Reason };

    public Claim Apply(ClaimAdjudicated e) => Step(
            e.Outcome switch { ClaimOutcome.Paid => ClaimStatus.Paid, ClaimOutcome.PartiallyPaid => ClaimStatus.PartiallyPaid, _ => ClaimStatus.Denied },
            $"remittance {e.TraceNumber} posted", e.PostedAt) with
    {
        Adjudication = e,
        PostedRemittances = [.. PostedRemittances, e.RemittanceId],
    };

    public Claim Apply(ClaimAppealed e) => Step(ClaimStatus.Appealed, "appealed", e.AppealedAt) with { AppealReason = e.Reason };

    public Claim Apply(ClaimReplacementStarted e) => Step(ClaimStatus.Draft, "corrected claim started", e.At) with
    {
        FrequencyCode = "7",
        OriginalPayerClaimNumber = e.OriginalPayerClaimNumber,
        BatchId = null,
        RejectionReason = null,
    };

    /// <summary>The claim after <paramref name="events"/>; the first must be <see cref="ClaimCreated"/> when there is no claim yet.</summary>
    public static Claim Replay(Claim? state, IEnumerable<object> events) =>
        events.Aggregate(state, (current, @event) => (current, @event) switch
        {
            (null, ClaimCreated e) => Create(e),
            (null, _) => throw new InvalidOperationException($"a claim starts with {nameof(ClaimCreated)}, not {@event.GetType().Name}"),
            (_, ClaimScrubbed e) => current.Apply(e),
            (_, ClaimCoded e) => current.Apply(e),
            (_, ClaimLinesAdded e) => current.Apply(e),
            (_, LateChargeHeld e) => current.Apply(e),
            (_, ClaimSubmitted e) => current.Apply(e),
            (_, ClaimAccepted e) => current.Apply(e),
            (_, ClaimRejected e) => current.Apply(e),
            (_, ClaimAdjudicated e) => current.Apply(e),
            (_, ClaimAppealed e) => current.Apply(e),
            (_, ClaimReplacementStarted e) => current.Apply(e),
            _ => throw new InvalidOperationException($"{@event.GetType().Name} is not a claim event"),
        })!;

    private Claim Step(ClaimStatus status, string what, DateTimeOffset at) =>
        this with { Status = status, UpdatedAt = at, History = [.. History, new ClaimStep(status, what, at)] };
}
