using PatientFlow.Platform.Time;

namespace PatientFlow.Referral.Referrals.ClosingTheLoop;

/// <summary>The report that closes the loop; its kind must be the one the referral asked for.</summary>
public sealed record ReceiveReport(ReportKind? Kind = null, string? Summary = null, DateTimeOffset? ReceivedAt = null);

public static class ReceiveReportDecider
{
    /// <summary>POST /referrals/{referralId}/report</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, ReceiveReport command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Decide(referral, command, who, now));

    /// <summary>A referral is complete only when its report is received, and a report only follows a booked appointment.</summary>
    public static IReadOnlyList<object> Decide(Referral referral, ReceiveReport command, string receivedBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var kind = command.Kind ?? throw new InvalidFieldException("kind", "is required: consult-report, imaging-result or discharge-summary");
        var expected = Expected(referral.Kind);
        if (kind != expected)
        {
            throw new InvalidFieldException("kind", $"must be {Scheduling.SchedulingRules.Word(expected)} for a {Scheduling.SchedulingRules.Word(referral.Kind)} referral");
        }

        if (referral.Status != ReferralStatus.Scheduled)
        {
            throw new ConflictException($"referral {referral.Id} has no appointment yet; a report follows the appointment");
        }

        var summary = TextField.Required("summary", command.Summary, MaxSummaryLength);
        var receivedAt = ClinicTime.Resolve("receivedAt", command.ReceivedAt, now);
        return [new ReferralReportReceived(referral.Id, referral.VisitId, referral.PatientId, kind, summary, receivedBy, receivedAt)];
    }

    public const int MaxSummaryLength = 2000;

    public static ReportKind Expected(ReferralKind kind) => kind switch
    {
        ReferralKind.Specialist => ReportKind.ConsultReport,
        ReferralKind.Imaging => ReportKind.ImagingResult,
        _ => ReportKind.DischargeSummary,
    };
}
