namespace PatientFlow.Billing.Claims.Listing;

/// <summary>Reads of claims, from the <see cref="Claim"/> document written with its events.</summary>
public static class ClaimQueries
{
    /// <summary>GET /claims/{id}: the claim, with its stream version as ETag.</summary>
    public static async Task<Ok<Claim>> Get(Guid claimId, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadWithETagAsync<Claim>(claimId, http, ct) ?? throw Claim.NotFound(claimId));

    /// <summary>GET /claims: claims by status, payer and patient, newest first.</summary>
    public static async Task<Ok<IReadOnlyList<ClaimSummary>>> List(
        IQuerySession session, ClinicScope scope, CancellationToken ct, ClaimStatus? status = null, string? payerId = null, Guid? patientId = null, int limit = 100)
    {
        var query = session.Query<Claim>().Within(scope, c => c.Clinic!);
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

    /// <summary>GET /claims/work-queue: every claim a person must act on (blocked by the scrubber, rejected, denied, partly denied), oldest first, with the reasons.</summary>
    public static async Task<Ok<IReadOnlyList<ClaimSummary>>> WorkQueue(IQuerySession session, ClinicScope scope, CancellationToken ct, string? queue = null)
    {
        var found = await session.Query<Claim>().Within(scope, c => c.Clinic!)
            .Where(c => c.Status == ClaimStatus.Draft || c.Status == ClaimStatus.Rejected || c.Status == ClaimStatus.Denied || c.Status == ClaimStatus.PartiallyPaid)
            .OrderBy(c => c.UpdatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ClaimSummary>>(
            [.. found.Where(c => c.WorkQueue is not null && (queue is null || c.WorkQueue == queue)).Select(ClaimSummary.From)]);
    }
}
