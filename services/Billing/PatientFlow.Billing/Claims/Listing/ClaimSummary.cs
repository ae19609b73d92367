using PatientFlow.Billing.Scrubbing;

namespace PatientFlow.Billing.Claims.Listing;

/// <summary>A claim in a list: enough to pick it, with the edits or the payer's reasons that put it in the work queue.</summary>
public sealed record ClaimSummary(
    Guid ClaimId,
    string ClaimNumber,
    Guid VisitId,
    Guid PatientId,
    DateOnly DateOfService,
    string? PayerId,
    ClaimStatus Status,
    string FrequencyCode,
    decimal TotalCharge,
    decimal? Paid,
    decimal? PatientResponsibility,
    string Currency,
    string? WorkQueue,
    IReadOnlyList<string> Reasons,
    DateTimeOffset UpdatedAt)
{
    public static ClaimSummary From(Claim c) => new(
        c.ClaimId, c.ClaimNumber, c.VisitId, c.PatientId, c.DateOfService, c.PayerId, c.Status, c.FrequencyCode, c.TotalCharge, c.Adjudication?.Paid,
        c.PatientResponsibility, c.Currency, c.WorkQueue, ReasonsFor(c), c.UpdatedAt);

    // Why a person must act: the blocking edits, the rejection, or the payer's adjustment reason codes (CARC) on a denial.
    private static IReadOnlyList<string> ReasonsFor(Claim c) => c.WorkQueue switch
    {
        "scrubber" => [.. c.Edits.Where(e => e.Severity == EditSeverity.Blocking).Select(e => $"{e.Code} ({e.Field}): {e.Message}")],
        "rejected" => [c.RejectionReason ?? "rejected"],
        "denied" or "partially-paid" when c.Adjudication is { } a =>
            [.. a.Adjustments.Concat(a.Lines.Where(l => l.Denied).SelectMany(l => l.Adjustments)).Where(x => x.Group != "PR")
                .Select(x => $"{x.Group}-{x.Reason}").Distinct()],
        _ => [],
    };
}
