namespace PatientFlow.Billing.Accounts.RecordingVisit;

/// <summary>Note the booked appointment: it gives the claim its clinic, date of service and visit type.</summary>
public sealed record RecordAppointment(Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset StartsAt, string? VisitType = null);

public static class RecordAppointmentDecider
{
    /// <summary>
    /// The first booking known for the visit stands, with the payer's answer at booking; a repeat must not fail and be
    /// retried forever, and asks nothing.
    /// </summary>
    public static VisitDecision Decide(BillingAccount? state, RecordAppointment command, NewClaim next, EligibilityRecorded? eligibility = null) =>
        DraftClaimDecider.ClaimIfDue(
            state,
            state?.Appointment is not null
                ? []
                : [
                    new AppointmentRecorded(command.VisitId, command.PatientId, command.ProviderId, command.Clinic, command.StartsAt, command.VisitType),
                    .. eligibility is null ? Array.Empty<object>() : [eligibility],
                ],
            next);
}
