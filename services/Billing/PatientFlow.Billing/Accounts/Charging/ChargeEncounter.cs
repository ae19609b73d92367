using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.Charging;

/// <summary>Charge what the provider did: one charge per procedure, pointing at the encounter's diagnoses.</summary>
public sealed record ChargeEncounter(
    Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<PerformedProcedure> Procedures,
    DateTimeOffset CompletedAt);

public sealed record PerformedProcedure(string Code, int Units, IReadOnlyList<string>? Modifiers = null);

public static class ChargeEncounterDecider
{
    /// <summary>
    /// An encounter is charged once. Intake completes an encounter only once, so a second completion
    /// for the visit is a replay under a new id: charging it again would bill the patient twice.
    /// </summary>
    public static VisitDecision Decide(BillingAccount? state, ChargeEncounter command, FeeSchedule fees, NewClaim next)
    {
        if (state?.EncounterCompleted == true)
        {
            return DraftClaimDecider.ClaimIfDue(state, [], next);
        }

        var pointers = DraftClaimDecider.EncounterPointers(command.Diagnoses);
        var charges = command.Procedures
            .Select(p => fees.Price(ChargeSource.Encounter, p.Code, p.Units, pointers, p.Modifiers))
            .ToList();
        var charged = new EncounterCharged(
            command.VisitId, command.PatientId, command.ProviderId, command.Diagnoses, charges, command.CompletedAt);
        return DraftClaimDecider.ClaimIfDue(state, [charged], next);
    }
}
