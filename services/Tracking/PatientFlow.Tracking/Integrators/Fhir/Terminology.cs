using Hl7.Fhir.Model;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>The code systems the mapping uses, by their canonical URIs (HL7 Terminology where one exists).</summary>
public static class Terminology
{
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Hcpcs = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public const string DiagnosticServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";
    public const string AppointmentReason = "http://terminology.hl7.org/CodeSystem/v2-0276";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string CopayType = "http://terminology.hl7.org/CodeSystem/coverage-copay-type";
    public const string ClaimType = "http://terminology.hl7.org/CodeSystem/claim-type";
    public const string ProcessPriority = "http://terminology.hl7.org/CodeSystem/processpriority";
    public const string DataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    /// <summary>A concept with one coding; <paramref name="text"/> is what a person reads when the code means nothing to them.</summary>
    public static CodeableConcept Concept(string system, string code, string? display = null, string? text = null) =>
        new() { Coding = [new Coding(system, code, display)], Text = text };

    /// <summary>A concept known only by its words: free text PatientFlow does not code.</summary>
    public static CodeableConcept Text(string text) => new() { Text = text };

    /// <summary>CPT codes are five digits (or four and F/T); HCPCS Level II codes start with a letter.</summary>
    public static string ProcedureSystem(string code) => code.Length > 0 && char.IsLetter(code[0]) ? Hcpcs : Cpt;

    /// <summary>v3 ObservationInterpretation for the lab's flags; other flags stay as text.</summary>
    public static CodeableConcept Interpretation(string flag) => flag.Trim().ToUpperInvariant() switch
    {
        "N" or "NORMAL" => Concept(ObservationInterpretation, "N", "Normal"),
        "L" => Concept(ObservationInterpretation, "L", "Low"),
        "H" => Concept(ObservationInterpretation, "H", "High"),
        "LL" => Concept(ObservationInterpretation, "LL", "Critical low"),
        "HH" => Concept(ObservationInterpretation, "HH", "Critical high"),
        "A" or "ABNORMAL" => Concept(ObservationInterpretation, "A", "Abnormal"),
        _ => Text(flag),
    };
}
