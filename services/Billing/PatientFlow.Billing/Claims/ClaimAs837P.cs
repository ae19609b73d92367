using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Claims;

/// <summary>The claim as the 837P and the scrubber see it.</summary>
public static class ClaimAs837P
{
    /// <summary>The claim as an 837P claim billed to <paramref name="coverage"/> (an empty subscriber when there is none).</summary>
    public static ProfessionalClaim ToProfessional(Claim claim, BilledCoverage? coverage)
    {
        var subscriber = coverage?.Subscriber;
        return new ProfessionalClaim(
            claim.ClaimNumber,
            new Subscriber(
                subscriber?.LastName ?? "", subscriber?.FirstName ?? "", coverage?.MemberId ?? "", subscriber?.DateOfBirth ?? default, subscriber?.Gender ?? "",
                new X12Address(subscriber?.AddressLine1 ?? "", subscriber?.City ?? "", subscriber?.State ?? "", subscriber?.PostalCode ?? "")),
            new Payer(coverage?.PayerName ?? "", coverage?.PayerId ?? ""),
            claim.Diagnoses,
            [.. claim.Lines.Select(l => new ServiceLine(l.Code, l.Modifiers ?? [], l.Amount, l.Units, l.DiagnosisPointers, claim.DateOfService))],
            FrequencyCode: claim.FrequencyCode,
            OriginalClaimNumber: claim.OriginalPayerClaimNumber);
    }

    /// <summary>The primary coverage as billed for the date of service: active when its dates cover it and the payer's last answer for it was not "inactive".</summary>
    public static BilledCoverage Billed(CoverageOnFile primary, DateOnly dateOfService)
    {
        var registration = primary.Registration;
        var inDates = dateOfService >= registration.EffectiveFrom && (registration.EffectiveTo is null || dateOfService <= registration.EffectiveTo);
        var answer = primary.LastVerification is { } last && last.ServiceDate == dateOfService ? last : null;
        var active = inDates && answer?.Active != false;
        var reason = answer?.Reason ?? (inDates ? "within the coverage's dates; not verified for this date" : "outside the coverage's dates");
        return new BilledCoverage(
            registration.CoverageId, registration.PayerId, registration.PayerName, registration.MemberId, registration.GroupNumber, registration.Subscriber,
            registration.EffectiveFrom, registration.EffectiveTo, active, reason);
    }
}
