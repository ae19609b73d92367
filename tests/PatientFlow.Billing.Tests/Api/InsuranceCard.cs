namespace PatientFlow.Billing.Tests.Api;

/// <summary>The insurance card the desk enters (<c>PUT /api/billing/patients/{id}/coverages/{rank}</c>), as its JSON body.</summary>
public static class InsuranceCard
{
    public static object Of(string memberId = "W123456789", string from = "2026-01-01", string? to = null, IReadOnlyDictionary<string, decimal>? copays = null) => new
    {
        payerId = "ACME01", payerName = "Acme Health", plan = "Gold PPO", memberId, relationship = "self",
        subscriberLastName = "Example", subscriberFirstName = "Ada", subscriberDateOfBirth = "1980-04-12", subscriberGender = "F",
        addressLine1 = "12 Elm St", city = "Springfield", state = "IL", postalCode = "62704",
        effectiveFrom = from, effectiveTo = to, copayByVisitType = copays ?? new Dictionary<string, decimal> { ["follow-up"] = 25m },
        defaultCopay = 30m, deductible = 1500m,
    };
}
