using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Billing.Integration;

/// <summary>Notes the tests ordered, which a claim waits for when <c>Billing:Claims:LateCharges</c> is <c>Wait</c>.</summary>
public sealed class LabOrderPlacedConsumer(IDocumentStore store, AccountServices services, ILogger<LabOrderPlacedConsumer> logger)
    : AccountConsumer<LabOrderPlaced>(store, services, logger)
{
    protected override VisitDecision Decide(BillingAccount? state, LabOrderPlaced message, FeeSchedule fees, NewClaim next) =>
        LabOrderDecider.Ordered(state, new LabTestsOrdered(message.VisitId, message.PatientId, message.OrderId, [.. message.Tests.Select(t => t.TestCode)]), next);
}

/// <summary>Cancelled tests are no longer waited for.</summary>
public sealed class LabOrderCancelledConsumer(IDocumentStore store, AccountServices services, ILogger<LabOrderCancelledConsumer> logger)
    : AccountConsumer<LabOrderCancelled>(store, services, logger)
{
    protected override VisitDecision Decide(BillingAccount? state, LabOrderCancelled message, FeeSchedule fees, NewClaim next) =>
        LabOrderDecider.Cancelled(state, new LabTestsCancelled(message.VisitId, message.PatientId, message.OrderId, message.TestCodes), next);
}
