namespace PatientFlow.Intake.Encounters.RecordingVitals;

/// <summary>Brings values entered in customary units to the UCUM units stored (Cel, cm, kg).</summary>
public static class UnitConversion
{
    private const decimal CentimetresPerInch = 2.54m;
    private const decimal KilogramsPerPound = 0.45359237m;

    public static decimal ToCelsius(decimal value, string? unit) => Normalise(unit, "C") switch
    {
        "C" => value,
        "F" => Math.Round((value - 32) * 5 / 9, 1, MidpointRounding.AwayFromZero),
        _ => throw new InvalidFieldException("temperatureUnit", "must be \"C\" or \"F\""),
    };

    public static decimal ToCentimetres(decimal value, string? unit) => Normalise(unit, "CM") switch
    {
        "CM" => value,
        "IN" => Math.Round(value * CentimetresPerInch, 1, MidpointRounding.AwayFromZero),
        _ => throw new InvalidFieldException("heightUnit", "must be \"cm\" or \"in\""),
    };

    public static decimal ToKilograms(decimal value, string? unit) => Normalise(unit, "KG") switch
    {
        "KG" => value,
        "LB" => Math.Round(value * KilogramsPerPound, 2, MidpointRounding.AwayFromZero),
        _ => throw new InvalidFieldException("weightUnit", "must be \"kg\" or \"lb\""),
    };

    /// <summary>Body mass index in kg/m2, to one decimal as charted.</summary>
    public static decimal Bmi(decimal kilograms, decimal centimetres)
    {
        var metres = centimetres / 100;
        return Math.Round(kilograms / (metres * metres), 1, MidpointRounding.AwayFromZero);
    }

    private static string Normalise(string? unit, string fallback) =>
        string.IsNullOrWhiteSpace(unit) ? fallback : unit.Trim().ToUpperInvariant();
}
