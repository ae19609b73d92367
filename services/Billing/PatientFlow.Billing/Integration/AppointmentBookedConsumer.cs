using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Billing.Integration;

public sealed class AppointmentBookedConsumer(
    IDocumentStore store, FeeSchedule fees, TimeProvider clock, ILogger<AppointmentBookedConsumer> logger)
    : AccountConsumer<AppointmentBooked>(store, fees, clock, logger)
{
    protected override VisitDecision Decide(BillingAccount? state, AppointmentBooked message, FeeSchedule fees, NewClaim next) =>
        RecordAppointmentDecider.Decide(
            state, new RecordAppointment(message.VisitId, message.PatientId, message.ProviderId, message.Clinic, message.StartsAt), next);
}
