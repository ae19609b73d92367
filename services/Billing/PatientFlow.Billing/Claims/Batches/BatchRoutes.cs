using System.Text;
using PatientFlow.Billing.Claims.Batches.Acknowledging;
using PatientFlow.Billing.Claims.Batches.Creating;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Billing.Claims.Batches;

/// <summary>The batches' routes: one line a slice; the three reads are here, each a few lines.</summary>
public static class BatchRoutes
{
    public const string X12MediaType = "application/edi-x12";

    public static IEndpointRouteBuilder MapBatchRoutes(this IEndpointRouteBuilder app)
    {
        // A payer's batch carries claims of every clinic: the billing office's, with every clinic.
        var batches = app.MapGroup("/api/billing/batches").RequireAuthorization(AccessPolicies.Billing).RequireAuthorization(AccessPolicies.ClaimWork)
            .RequireAllClinics().WithTags("Claim batches (837P)");
        batches.Audited("claim-batch");
        batches.MapPost("/", CreateBatchDecider.Handle);
        batches.MapGet("/", List);
        batches.MapGet("/{batchId:guid}", Get);
        batches.MapGet("/{batchId:guid}/837", Download).AuditedAs(AuditAction.Export);
        batches.MapPost("/{batchId:guid}/acknowledgement", AcknowledgeBatchDecider.Handle);
        return app;
    }

    /// <summary>A payer's batches (or every payer's), newest first.</summary>
    private static async Task<Ok<IReadOnlyList<BatchSummary>>> List(IQuerySession session, CancellationToken ct, string? payerId = null, int limit = 100)
    {
        var query = session.Query<ClaimBatch>().AsQueryable();
        if (payerId is { Length: > 0 })
        {
            query = query.Where(b => b.PayerId == payerId);
        }

        var found = await query.OrderByDescending(b => b.CreatedAt).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<BatchSummary>>([.. found.Select(BatchSummary.From)]);
    }

    private static async Task<Ok<ClaimBatchView>> Get(Guid batchId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(ClaimBatchView.From(await LoadAsync(session, batchId, ct)));

    /// <summary>The 837P exactly as batched, as a file named by its interchange control number.</summary>
    private static async Task<FileContentHttpResult> Download(Guid batchId, IQuerySession session, CancellationToken ct)
    {
        var batch = await LoadAsync(session, batchId, ct);
        return TypedResults.File(Encoding.ASCII.GetBytes(batch.Content), X12MediaType, $"837P-{batch.PayerId}-{batch.ControlNumber}.x12");
    }

    private static async Task<ClaimBatch> LoadAsync(IQuerySession session, Guid batchId, CancellationToken ct) =>
        await session.LoadAsync<ClaimBatch>(batchId, ct) ?? throw ClaimBatch.NotFound(batchId);
}
