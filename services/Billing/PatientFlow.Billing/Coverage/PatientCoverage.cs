namespace PatientFlow.Billing.Coverage;

// One stream per patient (stream id = patient id): the coverages on file and every eligibility answer.

public enum CoverageRank
{
    Primary,
    Secondary,
}

public enum SubscriberRelationship
{
    Self,
    Spouse,
    Child,
    Other,
}

/// <summary>The insured person: the patient (self) or the spouse, parent or other holder of the policy.</summary>
public sealed record SubscriberDetails(
    SubscriberRelationship Relationship, string LastName, string FirstName, DateOnly DateOfBirth, string Gender, string AddressLine1, string City,
    string State, string PostalCode);

/// <summary>A policy put on file (a second registration at the same rank replaces the first). Money is decimal in the billing currency.</summary>
public sealed record CoverageRegistered(
    Guid PatientId,
    Guid CoverageId,
    CoverageRank Rank,
    string PayerId,
    string PayerName,
    string Plan,
    string MemberId,
    string? GroupNumber,
    SubscriberDetails Subscriber,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    IReadOnlyDictionary<string, decimal> CopayByVisitType,
    decimal DefaultCopay,
    decimal Deductible,
    string Currency,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);

/// <summary>What the payer answered for a date of service: active or not, the copay due, the deductible still to meet.</summary>
public sealed record EligibilityVerified(
    Guid PatientId,
    Guid CoverageId,
    Guid? VisitId,
    DateOnly ServiceDate,
    string VisitType,
    bool Active,
    decimal Copay,
    decimal DeductibleRemaining,
    string Reason,
    DateTimeOffset VerifiedAt);

public sealed record CoverageOnFile(CoverageRegistered Registration, EligibilityVerified? LastVerification);

/// <summary>The patient's coverages by rank, rebuilt from the stream.</summary>
public sealed record PatientCoverage([property: JasperFx.Identity] Guid PatientId, IReadOnlyDictionary<CoverageRank, CoverageOnFile> Coverages) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"patient {streamId} has no coverage on file");


    public static PatientCoverage Create(CoverageRegistered e) => new PatientCoverage(e.PatientId, new Dictionary<CoverageRank, CoverageOnFile>()).Apply(e);

    public PatientCoverage Apply(CoverageRegistered e) =>
        this with { Coverages = new Dictionary<CoverageRank, CoverageOnFile>(Coverages) { [e.Rank] = new CoverageOnFile(e, null) } };

    public PatientCoverage Apply(EligibilityVerified e) => this with
    {
        Coverages = Coverages.ToDictionary(
            c => c.Key, c => c.Value.Registration.CoverageId == e.CoverageId ? c.Value with { LastVerification = e } : c.Value),
    };

    public CoverageOnFile? Primary => Coverages.GetValueOrDefault(CoverageRank.Primary);
}
