using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>Notes the check-out (and drafts the claim when the encounter is complete).</summary>
public sealed class PatientCheckedOutConsumer(IDocumentStore store, VisitAccounts accounts, ILogger<PatientCheckedOutConsumer> logger)
    : IdempotentConsumer<PatientCheckedOut>(store, logger)
{
    protected override Task HandleAsync(PatientCheckedOut message, IDocumentSession session, CancellationToken ct) =>
        accounts.ApplyAsync(session, message, (state, next) =>
            RecordCheckOutDecider.Decide(state, new RecordCheckOut(message.VisitId, message.PatientId, message.OccurredAt), next), ct);
}
