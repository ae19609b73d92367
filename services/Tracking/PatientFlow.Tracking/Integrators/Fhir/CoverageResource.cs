using Hl7.Fhir.Model;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// The patient's coverage as the payer last answered for this visit (id: the patient id, so every visit's
/// answer updates the same Coverage): active or cancelled, with the visit's copay. The member id stays out:
/// it identifies the patient to the payer, and the payload needs only the reference.
/// </summary>
internal static class CoverageResource
{
    public static Coverage? From(IReadOnlyList<IVisitEvent> events)
    {
        if (events.Latest<EligibilityChecked>() is not { } checkedEligibility)
        {
            return null;
        }

        var coverage = new Coverage
        {
            Id = FhirIds.Of(checkedEligibility.PatientId),
            Meta = events.OfType<EligibilityChecked>().LastUpdated(),
            Status = checkedEligibility.Active ? FinancialResourceStatusCodes.Active : FinancialResourceStatusCodes.Cancelled,
            Beneficiary = FhirIds.Patient(checkedEligibility.PatientId),
            Payor = [PayorOf(events)],
        };
        if (checkedEligibility.Active)
        {
            coverage.CostToBeneficiary.Add(new Coverage.CostToBeneficiaryComponent
            {
                Type = Terminology.Concept(Terminology.CopayType, "copay", "Copay Amount"),
                Value = Money(checkedEligibility.CopayDue, checkedEligibility.Currency),
            });
        }

        return coverage;
    }

    public static Money Money(decimal amount, string currency) => new()
    {
        Value = amount,
        Currency = Enum.TryParse<Money.Currencies>(currency, ignoreCase: true, out var code) ? code : null,
    };

    /// <summary>
    /// The payer the patient confirmed at check-in. Without one: self-pay (no member id either) makes the patient
    /// the payor, as FHIR has it; before check-in nobody has named the payer yet.
    /// </summary>
    private static ResourceReference PayorOf(IReadOnlyList<IVisitEvent> events) => events.Latest<PatientCheckedIn>() switch
    {
        { InsurancePayer: { } payer } when payer.Trim() != "" => new ResourceReference { Display = payer },
        { InsuranceMemberId: null } checkedIn => FhirIds.Patient(checkedIn.PatientId),
        _ => VisitEvents.Unknown(),
    };
}
