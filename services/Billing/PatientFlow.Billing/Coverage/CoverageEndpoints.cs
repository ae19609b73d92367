using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Billing.Fees;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Coverage;

/// <summary>Ask the payer about the primary coverage for a date of service and visit type (default: today, follow-up).</summary>
public sealed record CheckEligibility(DateOnly? ServiceDate = null, string? VisitType = null, Guid? VisitId = null);

public sealed record CoverageView(CoverageRank Rank, CoverageRegistered Coverage, EligibilityVerified? LastVerification);

public static class CoverageEndpoints
{
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        // The front desk enters coverage from the card and checks it; billing does too.
        var patients = app.MapGroup("/api/billing/patients").RequireAuthorization(AccessPolicies.Coverage).WithTags("Coverage and eligibility");
        patients.MapPut("/{patientId:guid}/coverages/{rank}", Register);
        patients.MapGet("/{patientId:guid}/coverages", List);
        patients.MapPost("/{patientId:guid}/eligibility", Check);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CoverageView>>> Register(
        Guid patientId, string rank, RegisterCoverage command, IDocumentSession session, FeeSchedule fees, HttpContext http, TimeProvider clock,
        ILogger<PatientCoverage> logger, CancellationToken ct)
    {
        var which = Enum.TryParse<CoverageRank>(rank, ignoreCase: true, out var parsed) && !int.TryParse(rank, out _)
            ? parsed
            : throw new InvalidFieldException("rank", "must be primary or secondary");
        var stream = await session.FetchForWritingAsync<PatientCoverage>(patientId, http, ct);
        stream.AppendMany(CoverageDeciders.Register(patientId, which, command, Guid.CreateVersion7(), fees.Currency, http.User.Identity?.Name ?? "unknown", clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Coverage ({Rank}) registered for patient {PatientId}", which, patientId);
        return TypedResults.Ok(await ViewAsync(session, patientId, ct));
    }

    private static async Task<Ok<IReadOnlyList<CoverageView>>> List(Guid patientId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(session, patientId, ct));

    /// <summary>Checks the primary coverage with the payer and records the answer; inactive coverage answers 200 with <c>active: false</c>.</summary>
    private static async Task<Ok<EligibilityVerified>> Check(
        Guid patientId, CheckEligibility command, IDocumentSession session, EligibilityChecks eligibility, HttpContext http, TimeProvider clock,
        ILogger<PatientCoverage> logger, CancellationToken ct)
    {
        var serviceDate = command.ServiceDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visitType = Text.Optional("visitType", command.VisitType, 32);
        var verified = await eligibility.VerifyAsync(session, patientId, command.VisitId, serviceDate, visitType, ct)
            ?? throw new ConflictException($"patient {patientId} has no coverage on file: self-pay until one is registered", "coverage");
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Eligibility for patient {PatientId}, coverage {CoverageId}: {Active}", patientId, verified.CoverageId, verified.Active);
        return TypedResults.Ok(verified);
    }

    private static async Task<IReadOnlyList<CoverageView>> ViewAsync(IQuerySession session, Guid patientId, CancellationToken ct)
    {
        var coverage = await session.Events.AggregateStreamAsync<PatientCoverage>(patientId, token: ct)
            ?? throw new NotFoundException($"patient {patientId} has no coverage on file");
        return [.. coverage.Coverages.OrderBy(c => c.Key).Select(c => new CoverageView(c.Key, c.Value.Registration, c.Value.LastVerification))];
    }
}
