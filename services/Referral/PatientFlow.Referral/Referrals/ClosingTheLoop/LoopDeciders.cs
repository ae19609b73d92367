using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Platform.Time;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Referral.Referrals.ClosingTheLoop;

/// <summary>The report that closes the loop; its kind must be the one the referral asked for.</summary>
public sealed record ReceiveReport(ReportKind? Kind = null, string? Summary = null, DateTimeOffset? ReceivedAt = null);

public sealed record CancelReferral(string? Reason = null);

/// <summary>An external appointment the patient missed, reported by the facility.</summary>
public sealed record RecordMissedAppointment(ReopenReason? Reason = null);

public static class LoopDeciders
{
    /// <summary>POST /referrals/{referralId}/missed-appointment</summary>
    public static Task<Ok<ReferralDetails>> HandleMissed(Guid referralId, RecordMissedAppointment command, ReferralCommands commands, ReferralDeadlines deadlines) =>
        commands.DecideAsync(referralId, (referral, _, now) => ExternalMissed(referral, command, deadlines, now));

    /// <summary>POST /referrals/{referralId}/report</summary>
    public static Task<Ok<ReferralDetails>> HandleReport(Guid referralId, ReceiveReport command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => ReceiveReport(referral, command, who, now));

    /// <summary>POST /referrals/{referralId}/cancellation</summary>
    public static Task<Ok<ReferralDetails>> HandleCancel(Guid referralId, CancelReferral command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Cancel(referral, command, who, now));

    public const int MaxSummaryLength = 2000;

    public static ReportKind Expected(ReferralKind kind) => kind switch
    {
        ReferralKind.Specialist => ReportKind.ConsultReport,
        ReferralKind.Imaging => ReportKind.ImagingResult,
        _ => ReportKind.DischargeSummary,
    };

    /// <summary>A referral is complete only when its report is received, and a report only follows a booked appointment.</summary>
    public static IReadOnlyList<object> ReceiveReport(Referral referral, ReceiveReport command, string receivedBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var kind = command.Kind ?? throw new InvalidFieldException("kind", "is required: consult-report, imaging-result or discharge-summary");
        var expected = Expected(referral.Kind);
        if (kind != expected)
        {
            throw new InvalidFieldException("kind", $"must be {Scheduling.SchedulingDeciders.Word(expected)} for a {Scheduling.SchedulingDeciders.Word(referral.Kind)} referral");
        }

        if (referral.Status != ReferralStatus.Scheduled)
        {
            throw new ConflictException($"referral {referral.Id} has no appointment yet; a report follows the appointment");
        }

        var summary = Text.Required("summary", command.Summary, MaxSummaryLength);
        var receivedAt = ClinicTime.Resolve("receivedAt", command.ReceivedAt, now);
        return [new ReferralReportReceived(referral.Id, referral.VisitId, referral.PatientId, kind, summary, receivedBy, receivedAt)];
    }

    /// <summary>
    /// The referred appointment did not happen: the referral waits for scheduling again, with a fresh deadline for its urgency.
    /// Ignored (nothing decided) when the appointment is no longer the referral's: it was rebooked or the loop already closed.
    /// </summary>
    public static IReadOnlyList<object> Reopen(Referral referral, Guid? appointmentId, ReopenReason reason, ReferralDeadlines deadlines, DateTimeOffset now) =>
        referral.Status == ReferralStatus.Scheduled && referral.Appointment!.AppointmentId == appointmentId
            ? [new ReferralReopened(referral.Id, referral.VisitId, referral.PatientId, reason, appointmentId, deadlines.ScheduleBy(referral.Urgency, now), now)]
            : [];

    public static IReadOnlyList<object> ExternalMissed(Referral referral, RecordMissedAppointment command, ReferralDeadlines deadlines, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var reason = command.Reason ?? throw new InvalidFieldException("reason", "is required: no-show or appointment-cancelled");
        return referral is { Status: ReferralStatus.Scheduled, Appointment.InNetwork: false }
            ? Reopen(referral, null, reason, deadlines, now)
            : throw new ConflictException(referral.Status == ReferralStatus.Scheduled
                ? $"referral {referral.Id}'s appointment is in network: scheduling reports its no-show"
                : $"referral {referral.Id} has no appointment to miss");
    }

    public static IReadOnlyList<object> Cancel(Referral referral, CancelReferral command, string cancelledBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        return [new ReferralCancelled(referral.Id, referral.VisitId, referral.PatientId, Text.Required("reason", command.Reason, 200), cancelledBy, now)];
    }
}
