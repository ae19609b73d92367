using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>Prices the encounter's procedures onto the account (and drafts the claim when the visit is over).</summary>
public sealed class EncounterCompletedConsumer(IDocumentStore store, VisitAccounts accounts, ILogger<EncounterCompletedConsumer> logger)
    : IdempotentConsumer<EncounterCompleted>(store, logger)
{
    protected override Task HandleAsync(EncounterCompleted message, IDocumentSession session, CancellationToken ct) =>
        accounts.ApplyAsync(session, message, (state, next) => ChargeEncounterDecider.Decide(state, new ChargeEncounter(
            message.VisitId, message.PatientId, message.ProviderId, message.Diagnoses,
            [.. message.Procedures.Select(p => new PerformedProcedure(p.Code, p.Units, p.Modifiers))], message.OccurredAt), accounts.Fees, next), ct);
}
