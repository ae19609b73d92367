using System.Text.RegularExpressions;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Coverage.Registering;

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

public static partial class RegisterCoverageDecider
{
    /// <summary>PUT /patients/{patientId}/coverages/{rank}: the card as entered replaces the coverage of that rank; the answer lists the patient's coverages.</summary>
    public static async Task<Ok<IReadOnlyList<CoverageView>>> Handle(
        Guid patientId, string rank, RegisterCoverage command, CoverageCommands commands, IQuerySession session, FeeSchedule fees, CancellationToken ct)
    {
        var which = Enum.TryParse<CoverageRank>(rank, ignoreCase: true, out var parsed) && !int.TryParse(rank, out _)
            ? parsed
            : throw new InvalidFieldException("rank", "must be primary or secondary");
        await commands.AppendOrStartAsync(patientId, (_, now) => Decide(patientId, which, command, Guid.CreateVersion7(), fees.Currency, commands.Who, now));
        return TypedResults.Ok(await CoverageView.ListAsync(session, patientId, ct));
    }

    public static IReadOnlyList<object> Decide(
        Guid patientId, CoverageRank rank, RegisterCoverage command, Guid coverageId, string currency, string registeredBy, DateTimeOffset now)
    {
        var payerId = TextField.Required("payerId", command.PayerId, 80);
        var payerName = TextField.Required("payerName", command.PayerName, 60);
        var plan = TextField.Required("plan", command.Plan, 60);
        var memberId = TextField.Required("memberId", command.MemberId, 80);
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

        var gender = TextField.Required("subscriberGender", command.SubscriberGender, 1).ToUpperInvariant();
        if (gender is not ("F" or "M" or "U"))
        {
            throw new InvalidFieldException("subscriberGender", "must be F, M or U");
        }

        var state = TextField.Required("state", command.State, 2).ToUpperInvariant();
        if (state.Length != 2 || !state.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidFieldException("state", "must be a two-letter state code");
        }

        var postal = TextField.Required("postalCode", command.PostalCode, 10);
        if (postal.Count(char.IsAsciiDigit) is not (5 or 9))
        {
            throw new InvalidFieldException("postalCode", "must be a 5- or 9-digit ZIP code");
        }

        var subscriber = new SubscriberDetails(
            relationship, TextField.Required("subscriberLastName", command.SubscriberLastName, 60), TextField.Required("subscriberFirstName", command.SubscriberFirstName, 35),
            born, gender, TextField.Required("addressLine1", command.AddressLine1, 55), TextField.Required("city", command.City, 30), state, postal);
        var from = command.EffectiveFrom ?? throw new InvalidFieldException("effectiveFrom", "is required");
        if (command.EffectiveTo is { } to && to < from)
        {
            throw new InvalidFieldException("effectiveTo", "must not be before effectiveFrom");
        }

        var copays = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (visitType, copay) in command.CopayByVisitType ?? new Dictionary<string, decimal>())
        {
            copays[TextField.Code($"copayByVisitType.{visitType}", visitType)] = Money($"copayByVisitType.{visitType}", copay);
        }

        return
        [
            new CoverageRegistered(
                patientId, coverageId, rank, payerId, payerName, plan, memberId, TextField.Optional("groupNumber", command.GroupNumber, 50), subscriber,
                from, command.EffectiveTo, copays, Money("defaultCopay", command.DefaultCopay ?? 0m), Money("deductible", command.Deductible ?? 0m),
                currency, registeredBy, now),
        ];
    }

    private static decimal Money(string field, decimal amount) =>
        amount < 0 || decimal.Round(amount, 2) != amount ? throw new InvalidFieldException(field, "must be a non-negative amount with at most two decimals") : amount;

    [GeneratedRegex("^[A-Za-z0-9-]{2,80}$")]
    private static partial Regex MemberIdFormat();
}
