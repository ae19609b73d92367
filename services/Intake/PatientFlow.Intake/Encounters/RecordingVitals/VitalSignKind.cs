namespace PatientFlow.Intake.Encounters.RecordingVitals;

/// <summary>
/// One kind of vital sign: its request field, LOINC code, UCUM unit, the range a living adult can
/// physically show (outside it the entry is a mistake) and the normal adult range (outside it, abnormal).
/// </summary>
public sealed record VitalSignKind(
    string Field, string Name, string LoincCode, string Unit,
    decimal PossibleLow, decimal PossibleHigh, decimal? NormalLow, decimal? NormalHigh)
{
    public static readonly VitalSignKind SystolicBp = new("systolicBp", "systolic-bp", "8480-6", "mm[Hg]", 40, 300, 90, 139);
    public static readonly VitalSignKind DiastolicBp = new("diastolicBp", "diastolic-bp", "8462-4", "mm[Hg]", 20, 200, 60, 89);
    public static readonly VitalSignKind HeartRate = new("heartRate", "heart-rate", "8867-4", "/min", 20, 300, 60, 100);
    public static readonly VitalSignKind RespiratoryRate = new("respiratoryRate", "respiratory-rate", "9279-1", "/min", 4, 80, 12, 20);
    public static readonly VitalSignKind Temperature = new("temperature", "body-temperature", "8310-5", "Cel", 25, 45, 36.1m, 37.9m);
    public static readonly VitalSignKind Spo2 = new("spo2", "oxygen-saturation", "59408-5", "%", 50, 100, 95, null);
    public static readonly VitalSignKind Height = new("height", "body-height", "8302-2", "cm", 30, 250, null, null);
    public static readonly VitalSignKind Weight = new("weight", "body-weight", "29463-7", "kg", 0.5m, 400, null, null);
    public static readonly VitalSignKind Bmi = new("bmi", "bmi", "39156-5", "kg/m2", 0, decimal.MaxValue, 18.5m, 24.9m);
    // Pain is a symptom score, not a physiological range: any score is "normal" as a measurement.
    public static readonly VitalSignKind PainScore = new("painScore", "pain-score", "72514-3", "{score}", 0, 10, null, null);

    /// <summary>The observation for a value already in <see cref="Unit"/>; throws 422 naming the field when impossible.</summary>
    public VitalSign Observe(decimal value)
    {
        if (value < PossibleLow || value > PossibleHigh)
        {
            throw new InvalidFieldException(Field, $"must be between {PossibleLow} and {PossibleHigh} {Unit}");
        }

        var abnormal = value < NormalLow || value > NormalHigh;
        return new VitalSign(LoincCode, Name, value, Unit, abnormal);
    }
}
