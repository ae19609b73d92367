using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>Charges an in-house lab test once resulted; after the claim is drafted it is a late charge.</summary>
public sealed class LabResultRecordedConsumer(IDocumentStore store, VisitAccounts accounts, ILogger<LabResultRecordedConsumer> logger)
    : IdempotentConsumer<LabResultRecorded>(store, logger)
{
    protected override Task HandleAsync(LabResultRecorded message, IDocumentSession session, CancellationToken ct) =>
        accounts.ApplyAsync(session, message, (state, next) => ChargeLabResultDecider.Decide(
            state, new ChargeLabResult(message.VisitId, message.PatientId, message.OrderId, message.BillingCode, message.OccurredAt, message.TestCode), accounts.Fees, next), ct);
}
