using JasperFx;

namespace PatientFlow.Referral.Referrals.GettingDetails;

/// <summary>A referral as the care team sees it, kept by an inline projection of the referral stream.</summary>
public sealed record ReferralDetails(
    [property: Identity] Guid ReferralId,
    Guid VisitId,
    Guid PatientId,
    ReferralKind Kind,
    string Specialty,
    ReferralUrgency Urgency,
    string Reason,
    ReferralStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ScheduleBy,
    string? AdmittingFacility = null,
    AuthorizationDetails? Authorization = null,
    AppointmentDetails? Appointment = null,
    ReportDetails? Report = null,
    DateTimeOffset? SchedulingOverdueSince = null,
    DateTimeOffset? ReportOverdueSince = null,
    IReadOnlyList<Reopening>? Reopenings = null,
    CancellationDetails? Cancellation = null)
{
    public static async Task<ReferralDetails> LoadAsync(IQuerySession session, Guid referralId, CancellationToken ct) =>
        await session.LoadAsync<ReferralDetails>(referralId, ct) ?? throw Referral.NotFound(referralId);

    public static ReferralDetails Create(ReferralCreated created) => new(
        created.ReferralId, created.VisitId, created.PatientId, created.Kind, created.Specialty, created.Urgency,
        created.Reason, ReferralStatus.Created, created.CreatedAt, created.ScheduleBy, created.AdmittingFacility);

    public ReferralDetails Apply(AdmissionRequested _) => this;

    public ReferralDetails Apply(AuthorizationRequested e) =>
        this with { Authorization = new AuthorizationDetails(AuthorizationStatus.Requested, e.Payer, e.RequestedAt) };

    public ReferralDetails Apply(AuthorizationApproved e) => this with
    {
        Authorization = Authorization! with
        {
            Status = AuthorizationStatus.Approved, Number = e.AuthorizationNumber, ValidFrom = e.ValidFrom, ValidTo = e.ValidTo,
            VisitsAllowed = e.VisitsAllowed, DecidedAt = e.ApprovedAt,
        },
    };

    public ReferralDetails Apply(AuthorizationDenied e) =>
        this with { Authorization = Authorization! with { Status = AuthorizationStatus.Denied, DenialReason = e.Reason, DecidedAt = e.DeniedAt } };

    public ReferralDetails Apply(AuthorizationAppealed e) =>
        this with { Authorization = Authorization! with { Status = AuthorizationStatus.Requested, Appeals = Authorization.Appeals + 1, AppealedAt = e.AppealedAt } };

    public ReferralDetails Apply(ReferralScheduled e) => this with
    {
        Status = ReferralStatus.Scheduled,
        Appointment = new AppointmentDetails(e.InNetwork, e.AppointmentId, e.ProviderId, e.Facility, e.AppointmentAt, e.ScheduledBy, e.ScheduledAt),
        SchedulingOverdueSince = null,
    };

    public ReferralDetails Apply(ReferralReportReceived e) =>
        this with { Status = ReferralStatus.Completed, Report = new ReportDetails(e.ReportKind, e.Summary, e.ReceivedBy, e.ReceivedAt), ReportOverdueSince = null };

    public ReferralDetails Apply(ReferralSchedulingOverdue e) => this with { SchedulingOverdueSince = e.DetectedAt };

    public ReferralDetails Apply(ReferralReportOverdue e) => this with { ReportOverdueSince = e.DetectedAt };

    public ReferralDetails Apply(ReferralReopened e) => this with
    {
        Status = ReferralStatus.Created,
        ScheduleBy = e.ScheduleBy,
        Appointment = null,
        ReportOverdueSince = null,
        Reopenings = [.. Reopenings ?? [], new Reopening(e.Reason, e.AppointmentId, e.ReopenedAt)],
    };

    public ReferralDetails Apply(ReferralCancelled e) =>
        this with { Status = ReferralStatus.Cancelled, Cancellation = new CancellationDetails(e.Reason, e.CancelledBy, e.CancelledAt) };
}

public sealed record AuthorizationDetails(
    AuthorizationStatus Status,
    string Payer,
    DateTimeOffset RequestedAt,
    string? Number = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    int? VisitsAllowed = null,
    string? DenialReason = null,
    DateTimeOffset? DecidedAt = null,
    int Appeals = 0,
    DateTimeOffset? AppealedAt = null);

/// <param name="AppointmentId">The scheduling appointment (a visit of its own) when booked in network.</param>
/// <param name="Facility">The clinic booked in network, or the outside facility.</param>
public sealed record AppointmentDetails(bool InNetwork, Guid? AppointmentId, Guid? ProviderId, string Facility, DateTimeOffset At, string ScheduledBy, DateTimeOffset ScheduledAt);

public sealed record ReportDetails(ReportKind Kind, string Summary, string ReceivedBy, DateTimeOffset ReceivedAt);

public sealed record Reopening(ReopenReason Reason, Guid? AppointmentId, DateTimeOffset ReopenedAt);

public sealed record CancellationDetails(string Reason, string CancelledBy, DateTimeOffset CancelledAt);
