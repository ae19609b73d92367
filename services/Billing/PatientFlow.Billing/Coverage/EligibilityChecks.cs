using PatientFlow.Billing.Accounts;

namespace PatientFlow.Billing.Coverage;

/// <summary>
/// Asks the payer about a patient's primary coverage and records the answer on the patient's coverage stream (through the
/// command path's fetch → decide → append) in the caller's session, so it commits (or not) with whatever the caller decides from it;
/// the route asking for it takes the whole path (If-Match, save, ETag) with <see cref="Verify"/>.
/// </summary>
public sealed class EligibilityChecks(IPayerEligibility payer, TimeProvider clock)
{
    public const string DefaultVisitType = "follow-up";

    /// <returns>The payer's answer as recorded, or null when the patient has no coverage on file.</returns>
    public async Task<EligibilityVerified?> VerifyAsync(
        IDocumentSession session, Guid patientId, Guid? visitId, DateOnly serviceDate, string? visitType, CancellationToken ct)
    {
        var (_, events) = await session.AppendAsync(patientId, Verify(patientId, visitId, serviceDate, visitType, ct), notFound: null, ct);
        return events.OfType<EligibilityVerified>().SingleOrDefault();
    }

    /// <summary>The decision on the coverage stream: the payer's answer about the primary coverage, or nothing without one.</summary>
    public Func<PatientCoverage?, Task<IReadOnlyList<object>>> Verify(
        Guid patientId, Guid? visitId, DateOnly serviceDate, string? visitType, CancellationToken ct) => async coverage =>
    {
        if (coverage?.Primary?.Registration is not { } primary)
        {
            return [];
        }

        var type = string.IsNullOrWhiteSpace(visitType) ? DefaultVisitType : visitType.Trim().ToLowerInvariant();
        var answer = await payer.CheckAsync(primary, serviceDate, type, ct);
        return [new EligibilityVerified(
            patientId, primary.CoverageId, visitId, serviceDate, type, answer.Active, answer.Copay, answer.DeductibleRemaining, answer.Reason, clock.GetUtcNow())];
    };

    /// <summary>The answer for a visit's account: the payer's, or self-pay when there is no coverage on file.</summary>
    public async Task<EligibilityRecorded> ForVisitAsync(
        IDocumentSession session, Guid visitId, Guid patientId, EligibilityStage stage, DateOnly serviceDate, string? visitType, string currency,
        CancellationToken ct)
    {
        var verified = await VerifyAsync(session, patientId, visitId, serviceDate, visitType, ct);
        return verified is null
            ? new EligibilityRecorded(visitId, patientId, stage, null, false, 0m, 0m, "no coverage on file: self-pay", clock.GetUtcNow(), currency)
            : new EligibilityRecorded(
                visitId, patientId, stage, verified.CoverageId, verified.Active, verified.Active ? verified.Copay : 0m, verified.DeductibleRemaining,
                verified.Reason, verified.VerifiedAt, currency);
    }
}
