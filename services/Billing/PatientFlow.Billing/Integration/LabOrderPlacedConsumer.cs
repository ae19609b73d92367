using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>Notes the tests ordered, which a claim waits for when <c>Billing:Claims:LateCharges</c> is <c>Wait</c>.</summary>
public sealed class LabOrderPlacedConsumer(IDocumentStore store, VisitAccounts accounts, ILogger<LabOrderPlacedConsumer> logger)
    : IdempotentConsumer<LabOrderPlaced>(store, logger)
{
    protected override Task HandleAsync(LabOrderPlaced message, IDocumentSession session, CancellationToken ct) =>
        accounts.ApplyAsync(session, message, (state, next) => LabOrderDecider.Ordered(
            state, new LabTestsOrdered(message.VisitId, message.PatientId, message.OrderId, [.. message.Tests.Select(t => t.TestCode)]), next), ct);
}
