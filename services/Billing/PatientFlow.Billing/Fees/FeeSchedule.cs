using System.Globalization;
using System.Text.RegularExpressions;

namespace PatientFlow.Billing.Fees;

/// <summary>
/// The clinic's price per unit of each CPT/HCPCS code, in one currency, from <c>Billing:FeeSchedule</c>
/// and <c>Billing:Currency</c>. Prices are taken when a charge is recorded, so a later change of the
/// schedule never reprices history.
/// </summary>
public sealed partial record FeeSchedule
{
    public FeeSchedule(string currency, IReadOnlyDictionary<string, decimal> prices)
    {
        if (!CurrencyCode().IsMatch(currency))
        {
            throw new InvalidOperationException($"Billing:Currency '{currency}' is not an ISO 4217 code.");
        }

        if (prices.FirstOrDefault(p => p.Value < 0) is { Key: { } negative })
        {
            throw new InvalidOperationException($"Billing:FeeSchedule:{negative} must not be negative.");
        }

        Currency = currency;
        Prices = new Dictionary<string, decimal>(prices, StringComparer.OrdinalIgnoreCase);
    }

    public string Currency { get; }

    public IReadOnlyDictionary<string, decimal> Prices { get; }

    /// <summary>
    /// Prices <paramref name="units"/> of <paramref name="code"/>. A code missing from the schedule is
    /// still charged, at zero and marked unpriced, so nothing performed is silently dropped.
    /// </summary>
    public Charge Price(ChargeSource source, string code, int units, IReadOnlyList<int> diagnosisPointers, IReadOnlyList<string>? modifiers = null)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var priced = Prices.TryGetValue(normalised, out var unitPrice);
        var amount = priced ? Math.Round(unitPrice * units, 2, MidpointRounding.AwayFromZero) : 0.00m;
        IReadOnlyList<string>? mods = modifiers is { Count: > 0 } ? [.. modifiers.Select(m => m.Trim().ToUpperInvariant())] : null;
        return new Charge(source, normalised, units, priced ? unitPrice : 0.00m, amount, Currency, diagnosisPointers, !priced, mods);
    }

    public static FeeSchedule FromConfiguration(IConfiguration billing)
    {
        var prices = billing.GetSection("FeeSchedule").GetChildren().ToDictionary(
            entry => entry.Key,
            entry => decimal.TryParse(entry.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var price)
                ? price
                : throw new InvalidOperationException($"Billing:FeeSchedule:{entry.Key} is not a decimal price."));
        var currency = billing["Currency"] ?? throw new InvalidOperationException("Billing:Currency is not configured.");
        return new FeeSchedule(currency, prices);
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
