using PatientFlow.Billing.Accounts.Claiming;

namespace PatientFlow.Billing.Accounts.RecordingVisit;

/// <summary>Note the booked appointment: it gives the claim its clinic and date of service.</summary>
public sealed record RecordAppointment(Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset StartsAt);

public static class RecordAppointmentDecider
{
    // The first booking known for the visit stands; a repeat must not fail and be retried forever.
    public static VisitDecision Decide(BillingAccount? state, RecordAppointment command, NewClaim next) =>
        DraftClaimDecider.ClaimIfDue(
            state,
            state?.Appointment is not null
                ? []
                : [new AppointmentRecorded(command.VisitId, command.PatientId, command.ProviderId, command.Clinic, command.StartsAt)],
            next);
}
