using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Scrubbing;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Claims;

public sealed record AppealClaim(string? Reason = null);

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

public static class ClaimEndpoints
{
    public static IEndpointRouteBuilder MapClaimEndpoints(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/billing/claims").RequireAuthorization(AccessPolicies.Billing).WithTags("Claims");
        claims.MapGet("/", List);
        claims.MapGet("/work-queue", WorkQueue);
        claims.MapGet("/{claimId:guid}", GetClaim);
        claims.MapPut("/{claimId:guid}/coding", Recode);
        claims.MapPost("/{claimId:guid}/scrub", Scrub);
        claims.MapPost("/{claimId:guid}/appeal", Appeal);
        claims.MapPost("/{claimId:guid}/correction", Correct);
        return app;
    }

    /// <summary>The claim, with its stream version as ETag.</summary>
    private static async Task<Ok<Claim>> GetClaim(Guid claimId, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadWithETagAsync<Claim>(claimId, http, ct) ?? throw new NotFoundException($"claim {claimId} not found"));

    /// <summary>Claims by status, payer and patient, newest first.</summary>
    private static async Task<Ok<IReadOnlyList<ClaimSummary>>> List(
        IQuerySession session, CancellationToken ct, ClaimStatus? status = null, string? payerId = null, Guid? patientId = null, int limit = 100)
    {
        var query = session.Query<Claim>().AsQueryable();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (payerId is { Length: > 0 })
        {
            query = query.Where(c => c.Coverage!.PayerId == payerId);
        }

        if (patientId is { } p)
        {
            query = query.Where(c => c.PatientId == p);
        }

        var found = await query.OrderByDescending(c => c.UpdatedAt).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ClaimSummary>>([.. found.Select(ClaimSummary.From)]);
    }

    /// <summary>Every claim a person must act on (blocked by the scrubber, rejected, denied, partly denied), oldest first, with the reasons.</summary>
    private static async Task<Ok<IReadOnlyList<ClaimSummary>>> WorkQueue(IQuerySession session, CancellationToken ct, string? queue = null)
    {
        var found = await session.Query<Claim>()
            .Where(c => c.Status == ClaimStatus.Draft || c.Status == ClaimStatus.Rejected || c.Status == ClaimStatus.Denied || c.Status == ClaimStatus.PartiallyPaid)
            .OrderBy(c => c.UpdatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ClaimSummary>>(
            [.. found.Where(c => c.WorkQueue is not null && (queue is null || c.WorkQueue == queue)).Select(ClaimSummary.From)]);
    }

    private static Task<Ok<Claim>> Recode(Guid claimId, ClaimCoding coding, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger<Claim> logger, CancellationToken ct) =>
        DecideAsync(claimId, session, desk, http, logger, "recoded", (claim, coverage, context) => ClaimDecisions.Recode(claim, coding, coverage, context), ct);

    private static Task<Ok<Claim>> Scrub(Guid claimId, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger<Claim> logger, CancellationToken ct) =>
        DecideAsync(claimId, session, desk, http, logger, "scrubbed", ClaimDecisions.Scrub, ct);

    private static Task<Ok<Claim>> Appeal(Guid claimId, AppealClaim command, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger<Claim> logger, CancellationToken ct) =>
        DecideAsync(claimId, session, desk, http, logger, "appealed", (claim, _, context) => ClaimDecisions.Appeal(claim, command.Reason, context), ct);

    private static Task<Ok<Claim>> Correct(Guid claimId, ClaimCoding coding, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger<Claim> logger, CancellationToken ct) =>
        DecideAsync(claimId, session, desk, http, logger, "corrected", (claim, coverage, context) => ClaimDecisions.Correct(claim, coding, coverage, context), ct);

    private static async Task<Ok<Claim>> DecideAsync(
        Guid claimId, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger logger, string what,
        Func<Claim, CoverageOnFile?, ClaimContext, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var context = desk.Context(http.User.Identity?.Name ?? "unknown");
        var (_, after, _, version) = await desk.DecideAsync(
            session, claimId, (claim, coverage) => decide(claim, coverage, context), ct, StreamVersion.ExpectedVersion(http));
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, version);
        logger.LogInformation("Claim {ClaimId} {What}: {Status}", claimId, what, after.Status);
        return TypedResults.Ok(after);
    }
}
