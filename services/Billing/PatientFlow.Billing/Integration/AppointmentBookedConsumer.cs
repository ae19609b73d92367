using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Coverage;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>Notes the booking and verifies eligibility for the appointment's date and visit type.</summary>
public sealed class AppointmentBookedConsumer(IDocumentStore store, VisitAccounts accounts, EligibilityChecks checks, ILogger<AppointmentBookedConsumer> logger)
    : IdempotentConsumer<AppointmentBooked>(store, logger)
{
    protected override Task HandleAsync(AppointmentBooked message, IDocumentSession session, CancellationToken ct) =>
        accounts.ApplyAsync(session, message, async (state, next) =>
        {
            var command = new RecordAppointment(message.VisitId, message.PatientId, message.ProviderId, message.Clinic, message.StartsAt, message.VisitType);
            // A redelivered booking under a new id asks the payer nothing: the first booking's answer stands.
            var eligibility = state?.Appointment is null
                ? await checks.ForVisitAsync(
                    session, message.VisitId, message.PatientId, EligibilityStage.Booking, DateOnly.FromDateTime(message.StartsAt.DateTime), message.VisitType,
                    accounts.Fees.Currency, ct)
                : null;
            return RecordAppointmentDecider.Decide(state, command, next, eligibility);
        }, ct);
}
