using PatientFlow.Billing.Claims.Batches;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Claims;

/// <summary>What every claim decision may need besides the claim: the billing provider, prices, the date and who acts.</summary>
public sealed record ClaimContext(BillingProvider Provider, FeeSchedule Fees, DateOnly Today, DateTimeOffset Now, string By);

/// <summary>Gives claim decisions their <see cref="ClaimContext"/>: the configured billing provider and prices, the date, and who acts.</summary>
public sealed class ClaimContexts(FeeSchedule fees, BatchParties parties, TimeProvider clock)
{
    public BatchParties Parties => parties;

    /// <summary>
    /// The latest calendar date anywhere (UTC+14): a date of service is "in the future" only when no clinic on earth
    /// has reached it yet, whatever the server's zone.
    /// </summary>
    public static DateOnly LatestDateAnywhere(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));

    public ClaimContext For(string by) => For(by, clock.GetUtcNow());

    public ClaimContext For(string by, DateTimeOffset now) => new(parties.BillingProvider, fees, LatestDateAnywhere(now), now, by);

    /// <summary>The patient's primary coverage as it is now (registration and last payer answer), or null when none is on file.</summary>
    public static async Task<CoverageOnFile?> PrimaryCoverageAsync(IQuerySession session, Guid patientId, CancellationToken ct) =>
        (await session.Events.AggregateStreamAsync<PatientCoverage>(patientId, token: ct))?.Primary;
}
