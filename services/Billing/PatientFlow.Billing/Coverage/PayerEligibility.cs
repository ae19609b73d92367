namespace PatientFlow.Billing.Coverage;

/// <summary>The payer's answer to "is this coverage good on this date, and what does the patient owe at the desk".</summary>
public sealed record EligibilityAnswer(bool Active, decimal Copay, decimal DeductibleRemaining, string Reason);

/// <summary>Where eligibility questions go: a clearinghouse's 270/271 in production, the simulator here.</summary>
public interface IPayerEligibility
{
    Task<EligibilityAnswer> CheckAsync(CoverageRegistered coverage, DateOnly serviceDate, string visitType, CancellationToken ct);
}

/// <summary>
/// A rules-based payer: active between the coverage's effective dates unless the member id is on the configured
/// terminated list (<c>Billing:PayerSimulator:TerminatedMemberIds</c>); the copay is the plan's for the visit type,
/// else its default; the remaining deductible is the plan's deductible less what <c>Billing:PayerSimulator:DeductibleMet</c>
/// records for the member.
/// </summary>
public sealed class PayerSimulator(IConfiguration configuration) : IPayerEligibility
{
    public Task<EligibilityAnswer> CheckAsync(CoverageRegistered coverage, DateOnly serviceDate, string visitType, CancellationToken ct) =>
        Task.FromResult(Answer(coverage, serviceDate, visitType,
            configuration.GetSection("Billing:PayerSimulator:TerminatedMemberIds").Get<string[]>() ?? [],
            configuration.GetValue($"Billing:PayerSimulator:DeductibleMet:{coverage.MemberId}", 0m)));

    public static EligibilityAnswer Answer(CoverageRegistered coverage, DateOnly serviceDate, string visitType, IReadOnlyCollection<string> terminated, decimal deductibleMet)
    {
        var remaining = Math.Max(0m, coverage.Deductible - deductibleMet);
        var copay = coverage.CopayByVisitType.TryGetValue(visitType, out var forType) ? forType : coverage.DefaultCopay;
        if (terminated.Contains(coverage.MemberId, StringComparer.OrdinalIgnoreCase))
        {
            return new EligibilityAnswer(false, 0m, remaining, "member terminated by the payer");
        }

        if (serviceDate < coverage.EffectiveFrom)
        {
            return new EligibilityAnswer(false, 0m, remaining, $"coverage starts {coverage.EffectiveFrom:yyyy-MM-dd}");
        }

        return coverage.EffectiveTo is { } to && serviceDate > to
            ? new EligibilityAnswer(false, 0m, remaining, $"coverage ended {to:yyyy-MM-dd}")
            : new EligibilityAnswer(true, copay, remaining, "active");
    }
}
