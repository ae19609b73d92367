using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Billing.Integration;

public sealed class PatientCheckedOutConsumer(IDocumentStore store, AccountServices services, ILogger<PatientCheckedOutConsumer> logger)
    : AccountConsumer<PatientCheckedOut>(store, services, logger)
{
    protected override VisitDecision Decide(BillingAccount? state, PatientCheckedOut message, FeeSchedule fees, NewClaim next) =>
        RecordCheckOutDecider.Decide(state, new RecordCheckOut(message.VisitId, message.PatientId, message.OccurredAt), next);
}
