namespace PatientFlow.Billing.Coverage.CheckingEligibility;

/// <summary>Ask the payer about the primary coverage for a date of service and visit type (default: today, follow-up).</summary>
public sealed record CheckEligibility(DateOnly? ServiceDate = null, string? VisitType = null, Guid? VisitId = null);

public static class CheckEligibilityDecider
{
    /// <summary>POST /patients/{patientId}/eligibility: checks the primary coverage with the payer and records the answer; inactive coverage answers 200 with <c>active: false</c>.</summary>
    public static async Task<Ok<EligibilityVerified>> Handle(
        Guid patientId, CheckEligibility command, IDocumentSession session, EligibilityChecks eligibility, HttpContext http, TimeProvider clock,
        ILogger<PatientCoverage> logger, CancellationToken ct)
    {
        var serviceDate = command.ServiceDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visitType = TextField.Optional("visitType", command.VisitType, 32);
        // The command path: If-Match honoured (400 when malformed, 412 when stale), the answer saved, the coverage stream's version as ETag.
        var (_, events) = await session.DecideAsync(patientId, http, eligibility.Verify(patientId, command.VisitId, serviceDate, visitType, ct), notFound: null, ct);
        var verified = events.OfType<EligibilityVerified>().SingleOrDefault()
            ?? throw new ConflictException($"patient {patientId} has no coverage on file: self-pay until one is registered", "coverage");
        logger.LogInformation("Eligibility for patient {PatientId}, coverage {CoverageId}: {Active}", patientId, verified.CoverageId, verified.Active);
        return TypedResults.Ok(verified);
    }
}
