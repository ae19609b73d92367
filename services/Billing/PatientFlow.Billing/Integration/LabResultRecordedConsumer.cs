using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Billing.Integration;

public sealed class LabResultRecordedConsumer(IDocumentStore store, AccountServices services, ILogger<LabResultRecordedConsumer> logger)
    : AccountConsumer<LabResultRecorded>(store, services, logger)
{
    protected override VisitDecision Decide(BillingAccount? state, LabResultRecorded message, FeeSchedule fees, NewClaim next) =>
        ChargeLabResultDecider.Decide(
            state, new ChargeLabResult(message.VisitId, message.PatientId, message.OrderId, message.BillingCode, message.OccurredAt, message.TestCode), fees, next);
}
