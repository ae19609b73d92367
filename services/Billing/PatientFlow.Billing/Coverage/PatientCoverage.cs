using System.Text.RegularExpressions;
using PatientFlow.ServiceDefaults.Problems;

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
public sealed record PatientCoverage([property: JasperFx.Identity] Guid PatientId, IReadOnlyDictionary<CoverageRank, CoverageOnFile> Coverages)
{
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

/// <summary>What the front desk or billing enters from the insurance card.</summary>
public sealed record RegisterCoverage(
    string? PayerId = null,
    string? PayerName = null,
    string? Plan = null,
    string? MemberId = null,
    string? GroupNumber = null,
    SubscriberRelationship? Relationship = null,
    string? SubscriberLastName = null,
    string? SubscriberFirstName = null,
    DateOnly? SubscriberDateOfBirth = null,
    string? SubscriberGender = null,
    string? AddressLine1 = null,
    string? City = null,
    string? State = null,
    string? PostalCode = null,
    DateOnly? EffectiveFrom = null,
    DateOnly? EffectiveTo = null,
    IReadOnlyDictionary<string, decimal>? CopayByVisitType = null,
    decimal? DefaultCopay = null,
    decimal? Deductible = null);

public static partial class CoverageDeciders
{
    public static IReadOnlyList<object> Register(
        Guid patientId, CoverageRank rank, RegisterCoverage command, Guid coverageId, string currency, string registeredBy, DateTimeOffset now)
    {
        var payerId = Text.Required("payerId", command.PayerId, 80);
        var payerName = Text.Required("payerName", command.PayerName, 60);
        var plan = Text.Required("plan", command.Plan, 60);
        var memberId = Text.Required("memberId", command.MemberId, 80);
        if (!MemberIdFormat().IsMatch(memberId))
        {
            throw new InvalidFieldException("memberId", "may contain only letters, digits and '-'");
        }

        var relationship = command.Relationship ?? throw new InvalidFieldException("relationship", "is required: self, spouse, child or other");
        var born = command.SubscriberDateOfBirth ?? throw new InvalidFieldException("subscriberDateOfBirth", "is required");
        if (born > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new InvalidFieldException("subscriberDateOfBirth", "must not be in the future");
        }

        var gender = Text.Required("subscriberGender", command.SubscriberGender, 1).ToUpperInvariant();
        if (gender is not ("F" or "M" or "U"))
        {
            throw new InvalidFieldException("subscriberGender", "must be F, M or U");
        }

        var state = Text.Required("state", command.State, 2).ToUpperInvariant();
        if (state.Length != 2 || !state.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidFieldException("state", "must be a two-letter state code");
        }

        var postal = Text.Required("postalCode", command.PostalCode, 10);
        if (postal.Count(char.IsAsciiDigit) is not (5 or 9))
        {
            throw new InvalidFieldException("postalCode", "must be a 5- or 9-digit ZIP code");
        }

        var subscriber = new SubscriberDetails(
            relationship, Text.Required("subscriberLastName", command.SubscriberLastName, 60), Text.Required("subscriberFirstName", command.SubscriberFirstName, 35),
            born, gender, Text.Required("addressLine1", command.AddressLine1, 55), Text.Required("city", command.City, 30), state, postal);
        var from = command.EffectiveFrom ?? throw new InvalidFieldException("effectiveFrom", "is required");
        if (command.EffectiveTo is { } to && to < from)
        {
            throw new InvalidFieldException("effectiveTo", "must not be before effectiveFrom");
        }

        var copays = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (visitType, copay) in command.CopayByVisitType ?? new Dictionary<string, decimal>())
        {
            copays[Text.Code($"copayByVisitType.{visitType}", visitType)] = Money($"copayByVisitType.{visitType}", copay);
        }

        return
        [
            new CoverageRegistered(
                patientId, coverageId, rank, payerId, payerName, plan, memberId, Text.Optional("groupNumber", command.GroupNumber, 50), subscriber,
                from, command.EffectiveTo, copays, Money("defaultCopay", command.DefaultCopay ?? 0m), Money("deductible", command.Deductible ?? 0m),
                currency, registeredBy, now),
        ];
    }

    private static decimal Money(string field, decimal amount) =>
        amount < 0 || decimal.Round(amount, 2) != amount ? throw new InvalidFieldException(field, "must be a non-negative amount with at most two decimals") : amount;

    [GeneratedRegex("^[A-Za-z0-9-]{2,80}$")]
    private static partial Regex MemberIdFormat();
}
