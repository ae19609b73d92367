using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>Cancelled tests are no longer waited for.</summary>
public sealed class LabOrderCancelledConsumer(IDocumentStore store, VisitAccounts accounts, ILogger<LabOrderCancelledConsumer> logger)
    : IdempotentConsumer<LabOrderCancelled>(store, logger)
{
    protected override Task HandleAsync(LabOrderCancelled message, IDocumentSession session, CancellationToken ct) =>
        accounts.ApplyAsync(session, message, (state, next) => LabOrderDecider.Cancelled(
            state, new LabTestsCancelled(message.VisitId, message.PatientId, message.OrderId, message.TestCodes), next), ct);
}
