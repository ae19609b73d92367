using Hl7.Fhir.Model;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Each professional claim of the visit (id: the claim id): a draft when assembled, active once billing moved it on
/// (submitted and beyond). The payer's answer (paid, denied, what the patient owes) is adjudication, which FHIR
/// keeps in ClaimResponse, not on the Claim. Diagnoses and procedures are the completed encounter's.
/// </summary>
internal static class ClaimResources
{
    public static IReadOnlyList<Claim> From(IReadOnlyList<IVisitEvent> events) =>
        [.. events.OfType<ClaimCreated>().DistinctBy(c => c.ClaimId).Select(created => Claim(created, events))];

    private static Claim Claim(ClaimCreated created, IReadOnlyList<IVisitEvent> events)
    {
        var moved = events.OfType<ClaimStatusChanged>().Where(e => e.ClaimId == created.ClaimId).ToList();
        var diagnoses = EncounterDiagnoses.CodesOf(events);
        var procedures = events.Latest<EncounterCompleted>()?.Procedures ?? [];
        var providerId = events.Latest<EncounterCompleted>()?.ProviderId ?? EncounterResource.ProviderOf(events);
        return new Claim
        {
            Id = FhirIds.Of(created.ClaimId),
            Meta = moved.Prepend<IVisitEvent>(created).LastUpdated(),
            Status = moved.Count == 0 ? FinancialResourceStatusCodes.Draft : FinancialResourceStatusCodes.Active,
            Type = Terminology.Concept(Terminology.ClaimType, "professional", "Professional"),
            Use = ClaimUseCode.Claim,
            Patient = FhirIds.Patient(created.PatientId),
            CreatedElement = VisitEvents.DateTime(created.OccurredAt),
            Provider = providerId is { } id ? FhirIds.Practitioner(id) : VisitEvents.Unknown(),
            Priority = Terminology.Concept(Terminology.ProcessPriority, "normal", "Normal"),
            Insurance =
            [
                new Claim.InsuranceComponent
                {
                    Sequence = 1,
                    Focal = true,
                    Coverage = FhirIds.To(nameof(Coverage), FhirIds.Of(created.PatientId)),
                },
            ],
            Diagnosis = [.. diagnoses.Select((code, i) => new Claim.DiagnosisComponent
            {
                Sequence = i + 1,
                Diagnosis = Terminology.Concept(Terminology.Icd10Cm, code),
            })],
            Procedure = [.. procedures.Select((procedure, i) => new Claim.ProcedureComponent
            {
                Sequence = i + 1,
                Procedure = Terminology.Concept(Terminology.ProcedureSystem(procedure.Code), procedure.Code),
            })],
            Total = CoverageResource.Money(created.TotalCharge, created.Currency),
        };
    }
}
