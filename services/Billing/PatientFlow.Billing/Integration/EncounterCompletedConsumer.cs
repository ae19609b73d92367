using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Billing.Integration;

public sealed class EncounterCompletedConsumer(IDocumentStore store, AccountServices services, ILogger<EncounterCompletedConsumer> logger)
    : AccountConsumer<EncounterCompleted>(store, services, logger)
{
    protected override VisitDecision Decide(BillingAccount? state, EncounterCompleted message, FeeSchedule fees, NewClaim next) =>
        ChargeEncounterDecider.Decide(state, new ChargeEncounter(
            message.VisitId, message.PatientId, message.ProviderId, message.Diagnoses,
            [.. message.Procedures.Select(p => new PerformedProcedure(p.Code, p.Units, p.Modifiers))], message.OccurredAt), fees, next);
}
