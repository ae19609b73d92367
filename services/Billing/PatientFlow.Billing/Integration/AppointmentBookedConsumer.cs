using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Billing.Integration;

/// <summary>Notes the booking and verifies eligibility for the appointment's date and visit type.</summary>
public sealed class AppointmentBookedConsumer(IDocumentStore store, AccountServices services, ILogger<AppointmentBookedConsumer> logger)
    : AccountConsumer<AppointmentBooked>(store, services, logger)
{
    protected override async Task<VisitDecision> DecideAsync(
        BillingAccount? state, AppointmentBooked message, IDocumentSession session, NewClaim next, CancellationToken ct)
    {
        var command = new RecordAppointment(message.VisitId, message.PatientId, message.ProviderId, message.Clinic, message.StartsAt, message.VisitType);
        // A redelivered booking under a new id asks the payer nothing: the first booking's answer stands.
        var eligibility = state?.Appointment is null
            ? await Services.Eligibility.ForVisitAsync(
                session, message.VisitId, message.PatientId, EligibilityStage.Booking, DateOnly.FromDateTime(message.StartsAt.DateTime), message.VisitType,
                Services.Fees.Currency, ct)
            : null;
        return RecordAppointmentDecider.Decide(state, command, next, eligibility);
    }
}
