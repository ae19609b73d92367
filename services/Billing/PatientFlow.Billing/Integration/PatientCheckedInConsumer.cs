using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Billing.Integration;

/// <summary>Verifies eligibility again at check-in; its answer sets the copay due at the desk.</summary>
public sealed class PatientCheckedInConsumer(IDocumentStore store, AccountServices services, ILogger<PatientCheckedInConsumer> logger)
    : AccountConsumer<PatientCheckedIn>(store, services, logger)
{
    protected override async Task<VisitDecision> DecideAsync(
        BillingAccount? state, PatientCheckedIn message, IDocumentSession session, NewClaim next, CancellationToken ct)
    {
        if (state?.CheckedInAt is not null)
        {
            return RecordCheckInDecider.Decide(state, new RecordCheckIn(message.VisitId, message.PatientId, message.OccurredAt), null, next);
        }

        var eligibility = await Services.Eligibility.ForVisitAsync(
            session, message.VisitId, message.PatientId, EligibilityStage.CheckIn, state?.ServiceDate(message.OccurredAt) ?? DateOnly.FromDateTime(message.OccurredAt.DateTime),
            state?.Appointment?.VisitType, Services.Fees.Currency, ct);
        return RecordCheckInDecider.Decide(state, new RecordCheckIn(message.VisitId, message.PatientId, message.OccurredAt), eligibility, next);
    }
}
