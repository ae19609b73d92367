using Microsoft.AspNetCore.Mvc;
using PatientFlow.Referral.Referrals.Authorizing;

namespace PatientFlow.Referral.Referrals.Scheduling;

/// <summary>Record an appointment made outside the network: where and when.</summary>
public sealed record RecordExternalBooking(string? Facility = null, DateTimeOffset? AppointmentAt = null);

public static class RecordExternalBookingDecider
{
    /// <summary>POST /referrals/{referralId}/external-booking</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, RecordExternalBooking command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Decide(referral, command, who, now));

    public static IReadOnlyList<object> Decide(Referral referral, RecordExternalBooking command, string scheduledBy, DateTimeOffset now)
    {
        SchedulingRules.EnsureSchedulable(referral, now);
        var facility = TextField.Required("facility", command.Facility, 100);
        var at = command.AppointmentAt ?? throw new InvalidFieldException("appointmentAt", "is required");
        return at < referral.ScheduleBy.AddYears(-1)
            ? throw new InvalidFieldException("appointmentAt", "is not a plausible appointment time for this referral")
            : [new ReferralScheduled(referral.Id, referral.VisitId, referral.PatientId, false, null, null, facility, at, scheduledBy, now)];
    }
}
