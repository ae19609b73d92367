using Hl7.Fhir.Model;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Quantities in UCUM. The contracts promise UCUM units (intake sends <c>mm[Hg]</c>, <c>/min</c>, <c>Cel</c>,
/// <c>%</c>, <c>cm</c>, <c>kg</c>, <c>kg/m2</c>, <c>{score}</c>; the lab catalog <c>mg/dL</c>, <c>{INR}</c>...),
/// so a unit is taken as its own UCUM code; only the everyday spellings below, which are not UCUM, are rewritten.
/// </summary>
internal static class UcumUnits
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mmHg"] = "mm[Hg]",
        ["mm Hg"] = "mm[Hg]",
        ["bpm"] = "/min",
        ["beats/min"] = "/min",
        ["breaths/min"] = "/min",
        ["°C"] = "Cel",
        ["C"] = "Cel",
        ["degC"] = "Cel",
        ["°F"] = "[degF]",
        ["F"] = "[degF]",
        ["degF"] = "[degF]",
        ["lb"] = "[lb_av]",
        ["lbs"] = "[lb_av]",
        ["in"] = "[in_i]",
        ["kg/m^2"] = "kg/m2",
        ["score"] = "{score}",
    };

    // What a person reads, for the codes whose brackets mean nothing to them.
    private static readonly Dictionary<string, string> Displays = new(StringComparer.Ordinal)
    {
        ["mm[Hg]"] = "mmHg",
        ["Cel"] = "°C",
        ["[degF]"] = "°F",
        ["[lb_av]"] = "lb",
        ["[in_i]"] = "in",
        ["/min"] = "/min",
    };

    /// <summary>The UCUM code for a unit as a contract spells it.</summary>
    public static string Code(string unit) => Aliases.TryGetValue(unit.Trim(), out var code) ? code : unit.Trim();

    /// <summary>A UCUM quantity; <c>unit</c> is the readable form, <c>code</c> the computable one. No unit: a bare number.</summary>
    public static Quantity Quantity(decimal value, string unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return new Quantity { Value = value };
        }

        var code = Code(unit);
        return new Quantity
        {
            Value = value,
            Unit = Displays.GetValueOrDefault(code, code),
            System = Terminology.Ucum,
            Code = code,
        };
    }
}
