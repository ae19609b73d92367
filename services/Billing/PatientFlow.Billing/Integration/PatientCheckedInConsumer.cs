using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Coverage;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>Verifies eligibility again at check-in; its answer sets the copay due at the desk.</summary>
public sealed class PatientCheckedInConsumer(IDocumentStore store, VisitAccounts accounts, EligibilityChecks checks, ILogger<PatientCheckedInConsumer> logger)
    : IdempotentConsumer<PatientCheckedIn>(store, logger)
{
    protected override Task HandleAsync(PatientCheckedIn message, IDocumentSession session, CancellationToken ct) =>
        accounts.ApplyAsync(session, message, async (state, next) =>
        {
            var command = new RecordCheckIn(message.VisitId, message.PatientId, message.OccurredAt);
            if (state?.CheckedInAt is not null)
            {
                return RecordCheckInDecider.Decide(state, command, null, next);
            }

            var eligibility = await checks.ForVisitAsync(
                session, message.VisitId, message.PatientId, EligibilityStage.CheckIn,
                state?.ServiceDate(message.OccurredAt) ?? DateOnly.FromDateTime(message.OccurredAt.DateTime), state?.Appointment?.VisitType, accounts.Fees.Currency, ct);
            return RecordCheckInDecider.Decide(state, command, eligibility, next);
        }, ct);
}
