namespace PatientFlow.Intake.Encounters.RecordingHistory;

public sealed record ReconcileMedications(IReadOnlyList<MedicationEntry?>? Medications = null);

public sealed record MedicationEntry(
    string? Name = null, string? Dose = null, string? Frequency = null, string? RxNormCode = null, MedicationStatus? Status = null, string? Change = null, string? Reason = null);

public static class ReconcileMedicationsDecider
{
    /// <summary>POST /medications/reconciliation</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, ReconcileMedications command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    public const int MaxMedications = 50;

    /// <summary>
    /// The whole list reviewed with the patient, each continued, changed (saying what) or stopped (saying why);
    /// a medication listed twice is refused.
    /// </summary>
    public static IReadOnlyList<object> Decide(Encounter state, ReconcileMedications command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var entries = command.Medications ?? [];
        if (entries.Count is 0 or > MaxMedications)
        {
            throw new InvalidFieldException("medications", $"must list between 1 and {MaxMedications} medications");
        }

        var lines = new List<MedicationLine>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new InvalidFieldException($"medications[{i}]", "is required");
            var name = TextField.Required($"medications[{i}].name", entry.Name);
            if (lines.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidFieldException($"medications[{i}].name", "is listed twice");
            }

            var status = entry.Status ?? throw new InvalidFieldException($"medications[{i}].status", "is required: continued, changed or stopped");
            var change = status == MedicationStatus.Changed ? TextField.Required($"medications[{i}].change", entry.Change, 200) : null;
            var reason = status == MedicationStatus.Stopped ? TextField.Required($"medications[{i}].reason", entry.Reason, 200) : null;
            var rxNorm = TextField.Optional($"medications[{i}].rxNormCode", entry.RxNormCode, 12);
            if (rxNorm is not null && !rxNorm.All(char.IsAsciiDigit))
            {
                throw new InvalidFieldException($"medications[{i}].rxNormCode", "is an RxNorm concept id: digits only");
            }

            lines.Add(new MedicationLine(
                name, TextField.Optional($"medications[{i}].dose", entry.Dose, 50), TextField.Optional($"medications[{i}].frequency", entry.Frequency, 50), rxNorm, status, change, reason));
        }

        return [new MedicationsReconciled(state.Id, state.PatientId, lines, now)];
    }
}
