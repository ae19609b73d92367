using Hl7.Fhir.Model;
using PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// The provider's ICD-10-CM diagnoses from the completed encounter. R4's Encounter.diagnosis points at a
/// Condition, and PatientFlow keeps no Conditions of its own, so each code travels as a Condition contained
/// in the Encounter (<c>#dx1</c> is the primary).
/// </summary>
internal static class EncounterDiagnoses
{
    /// <summary>The latest completion's diagnoses, in priority order; recoding at a later completion replaces them.</summary>
    public static IReadOnlyList<string> CodesOf(IReadOnlyList<IVisitEvent> events) =>
        events.Latest<EncounterCompleted>()?.Diagnoses ?? [];

    public static void AddTo(Encounter encounter, IReadOnlyList<IVisitEvent> events, Guid patientId)
    {
        var codes = CodesOf(events);
        for (var i = 0; i < codes.Count; i++)
        {
            var id = $"dx{i + 1}";
            encounter.Contained.Add(new Condition
            {
                Id = id,
                Category = [Terminology.Concept(Terminology.ConditionCategory, "encounter-diagnosis", "Encounter Diagnosis")],
                Code = Terminology.Concept(Terminology.Icd10Cm, codes[i]),
                Subject = FhirIds.Patient(patientId),
            });
            encounter.Diagnosis.Add(new Encounter.DiagnosisComponent { Condition = new ResourceReference($"#{id}"), Rank = i + 1 });
        }
    }
}
