namespace PatientFlow.Intake.Encounters.RecordingVitals;

/// <summary>Record one set of vital signs as entered at the bedside; any subset may be present. A correction carries the same fields.</summary>
public record RecordVitals(
    decimal? SystolicBp = null,
    decimal? DiastolicBp = null,
    decimal? HeartRate = null,
    decimal? RespiratoryRate = null,
    decimal? Temperature = null,
    string? TemperatureUnit = null,
    decimal? Spo2 = null,
    decimal? Height = null,
    string? HeightUnit = null,
    decimal? Weight = null,
    string? WeightUnit = null,
    decimal? PainScore = null,
    DateTimeOffset? TakenAt = null);

public static class RecordVitalsDecider
{
    /// <summary>POST /vitals</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, RecordVitals command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    public static IReadOnlyList<object> Decide(Encounter state, RecordVitals command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var observations = Observe(command);
        if (observations.Count == 0)
        {
            throw new InvalidFieldException("body", "at least one vital sign is required");
        }

        var takenAt = ClinicTime.Resolve("takenAt", command.TakenAt, now);
        return [new VitalsRecorded(state.Id, state.PatientId, observations, takenAt)];
    }

    internal static List<VitalSign> Observe(RecordVitals command)
    {
        var observations = new List<VitalSign>();
        if (command.SystolicBp is { } systolic)
        {
            observations.Add(VitalSignKind.SystolicBp.Observe(systolic));
        }

        if (command.DiastolicBp is { } diastolic)
        {
            if (diastolic >= command.SystolicBp)
            {
                throw new InvalidFieldException("diastolicBp", "must be lower than systolicBp");
            }

            observations.Add(VitalSignKind.DiastolicBp.Observe(diastolic));
        }

        if (command.HeartRate is { } heartRate)
        {
            observations.Add(VitalSignKind.HeartRate.Observe(heartRate));
        }

        if (command.RespiratoryRate is { } respiratoryRate)
        {
            observations.Add(VitalSignKind.RespiratoryRate.Observe(respiratoryRate));
        }

        if (command.Temperature is { } temperature)
        {
            observations.Add(VitalSignKind.Temperature.Observe(UnitConversion.ToCelsius(temperature, command.TemperatureUnit)));
        }

        if (command.Spo2 is { } spo2)
        {
            observations.Add(VitalSignKind.Spo2.Observe(spo2));
        }

        var height = command.Height is { } h ? VitalSignKind.Height.Observe(UnitConversion.ToCentimetres(h, command.HeightUnit)) : null;
        var weight = command.Weight is { } w ? VitalSignKind.Weight.Observe(UnitConversion.ToKilograms(w, command.WeightUnit)) : null;
        if (height is not null)
        {
            observations.Add(height);
        }

        if (weight is not null)
        {
            observations.Add(weight);
        }

        if (height is not null && weight is not null)
        {
            observations.Add(VitalSignKind.Bmi.Observe(UnitConversion.Bmi(weight.Value, height.Value)));
        }

        if (command.PainScore is { } pain)
        {
            if (decimal.Truncate(pain) != pain)
            {
                throw new InvalidFieldException("painScore", "must be a whole number between 0 and 10");
            }

            observations.Add(VitalSignKind.PainScore.Observe(pain));
        }

        return observations;
    }
}
