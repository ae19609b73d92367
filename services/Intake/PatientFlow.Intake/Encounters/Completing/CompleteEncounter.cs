using PatientFlow.Intake.Rooms;

namespace PatientFlow.Intake.Encounters.Completing;

/// <summary>The provider closes the encounter with what was diagnosed and done; billing charges from it.</summary>
public sealed record CompleteEncounter(
    IReadOnlyList<DiagnosisEntry?>? Diagnoses = null, IReadOnlyList<ProcedureEntry?>? Procedures = null, DateTimeOffset? CompletedAt = null);

/// <summary>An ICD-10-CM diagnosis; exactly one of the encounter's is <see cref="Primary"/>.</summary>
public sealed record DiagnosisEntry(string? Code = null, bool Primary = false);

/// <summary>A procedure as entered; units default to one, as on a claim line; up to four modifiers (25, 59, LT...).</summary>
public sealed record ProcedureEntry(string? Code = null, int? Units = null, IReadOnlyList<string?>? Modifiers = null);

public static class CompleteEncounterDecider
{
    /// <summary>POST /completion: completes the encounter; the room it was in then needs cleaning, in the same commit.</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, CompleteEncounter command, EncounterCommands commands, IDocumentSession session, CancellationToken ct) =>
        commands.DecideAsync(visitId, async (state, now) =>
        {
            var completed = Decide(state, command, now);
            if (state.Room is { } code)
            {
                var room = (await RoomLocks.LockAsync(session, state.Clinic, [code], ct))[code];
                if (room.Aggregate is { VisitId: var occupant } current && occupant == visitId)
                {
                    room.AppendOne(new RoomVacated(current.Id, current.Clinic, current.Code, visitId, ((EncounterCompleted)completed[0]).CompletedAt));
                }
            }

            return completed;
        });

    // 837P professional claims carry at most 12 diagnosis pointers and four modifiers per line.
    public const int MaxDiagnoses = 12;
    public const int MaxModifiers = 4;
    public const int MaxUnits = 99;

    /// <summary>Completes the encounter; its room then needs cleaning (decided with the room's stream).</summary>
    public static IReadOnlyList<object> Decide(Encounter state, CompleteEncounter command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var diagnoses = Diagnoses(command.Diagnoses ?? []);
        var procedures = Procedures(command.Procedures ?? []);
        var completedAt = ClinicTime.Resolve("completedAt", command.CompletedAt, now);
        if (state.ProviderStartedAt is { } started && completedAt < started)
        {
            throw new InvalidFieldException("completedAt", "must not be before the provider started the encounter");
        }

        return [new EncounterCompleted(state.Id, state.PatientId, state.ProviderId, diagnoses, procedures, completedAt)];
    }

    /// <summary>Well-formed, distinct ICD-10-CM codes with exactly one primary, which is listed first.</summary>
    private static List<string> Diagnoses(IReadOnlyList<DiagnosisEntry?> entered)
    {
        if (entered.Count is 0 or > MaxDiagnoses)
        {
            throw new InvalidFieldException("diagnoses", $"must list between 1 and {MaxDiagnoses} ICD-10-CM codes");
        }

        var codes = new List<string>(entered.Count);
        for (var i = 0; i < entered.Count; i++)
        {
            var code = entered[i]?.Code?.Trim().ToUpperInvariant() ?? "";
            if (!ClinicalCodes.IsIcd10Cm(code))
            {
                throw new InvalidFieldException($"diagnoses[{i}].code", "is not a well-formed ICD-10-CM code");
            }

            if (codes.Contains(code))
            {
                throw new InvalidFieldException($"diagnoses[{i}].code", "is listed twice");
            }

            codes.Add(code);
        }

        var primaries = entered.Select((d, i) => (d, i)).Where(x => x.d?.Primary == true).Select(x => x.i).ToList();
        if (primaries.Count != 1)
        {
            throw new InvalidFieldException("diagnoses", $"exactly one diagnosis must be primary ({primaries.Count} are)");
        }

        return [codes[primaries[0]], .. codes.Where((_, i) => i != primaries[0])];
    }

    private static List<Procedure> Procedures(IReadOnlyList<ProcedureEntry?> entered)
    {
        if (entered.Count == 0)
        {
            throw new InvalidFieldException("procedures", "must list at least one CPT or HCPCS code");
        }

        var procedures = new List<Procedure>(entered.Count);
        for (var i = 0; i < entered.Count; i++)
        {
            var code = entered[i]?.Code?.Trim().ToUpperInvariant() ?? "";
            if (!ClinicalCodes.IsCptOrHcpcs(code))
            {
                throw new InvalidFieldException($"procedures[{i}].code", "is not a well-formed CPT or HCPCS code");
            }

            var units = entered[i]?.Units ?? 1;
            if (units is < 1 or > MaxUnits)
            {
                throw new InvalidFieldException($"procedures[{i}].units", $"must be between 1 and {MaxUnits}");
            }

            procedures.Add(new Procedure(code, units, Modifiers(i, entered[i]?.Modifiers ?? [])));
        }

        return procedures;
    }

    private static List<string> Modifiers(int procedure, IReadOnlyList<string?> entered)
    {
        if (entered.Count > MaxModifiers)
        {
            throw new InvalidFieldException($"procedures[{procedure}].modifiers", $"at most {MaxModifiers} modifiers");
        }

        var modifiers = new List<string>();
        for (var j = 0; j < entered.Count; j++)
        {
            var modifier = entered[j]?.Trim().ToUpperInvariant() ?? "";
            if (!ClinicalCodes.Modifier().IsMatch(modifier) || modifiers.Contains(modifier))
            {
                throw new InvalidFieldException($"procedures[{procedure}].modifiers[{j}]", "must be two letters or digits, each modifier once");
            }

            modifiers.Add(modifier);
        }

        return modifiers;
    }
}
