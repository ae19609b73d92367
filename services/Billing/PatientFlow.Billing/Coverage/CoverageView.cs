namespace PatientFlow.Billing.Coverage;

public sealed record CoverageView(CoverageRank Rank, CoverageRegistered Coverage, EligibilityVerified? LastVerification)
{
    /// <summary>The patient's coverages, primary first; 404 when none is on file.</summary>
    public static async Task<IReadOnlyList<CoverageView>> ListAsync(IQuerySession session, Guid patientId, CancellationToken ct)
    {
        var coverage = await session.Events.AggregateStreamAsync<PatientCoverage>(patientId, token: ct) ?? throw PatientCoverage.NotFound(patientId);
        return [.. coverage.Coverages.OrderBy(c => c.Key).Select(c => new CoverageView(c.Key, c.Value.Registration, c.Value.LastVerification))];
    }
}
