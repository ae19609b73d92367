namespace PatientFlow.Referral.Referrals;

// One stream per referral; the referral id is the stream id.

/// <summary>A referral was made from a visit; the reason is clinical text and never leaves the service in logs.</summary>
public sealed record ReferralCreated(
    Guid ReferralId,
    Guid VisitId,
    Guid PatientId,
    ReferralKind Kind,
    string Specialty,
    ReferralUrgency Urgency,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset ScheduleBy,
    string? AdmittingFacility = null);

/// <summary>Decided with every admission referral: the admitting facility is asked to admit the patient.</summary>
public sealed record AdmissionRequested(Guid ReferralId, Guid VisitId, Guid PatientId, string AdmittingFacility, ReferralUrgency Urgency, DateTimeOffset RequestedAt);

public sealed record AuthorizationRequested(Guid ReferralId, Guid VisitId, Guid PatientId, string Payer, string RequestedBy, DateTimeOffset RequestedAt);

public sealed record AuthorizationApproved(
    Guid ReferralId, Guid VisitId, Guid PatientId, string AuthorizationNumber, DateOnly ValidFrom, DateOnly ValidTo, int VisitsAllowed, DateTimeOffset ApprovedAt);

public sealed record AuthorizationDenied(Guid ReferralId, Guid VisitId, Guid PatientId, string Reason, DateTimeOffset DeniedAt);

/// <summary>A denial was appealed: the authorization is pending again.</summary>
public sealed record AuthorizationAppealed(Guid ReferralId, Guid VisitId, Guid PatientId, string Grounds, string AppealedBy, DateTimeOffset AppealedAt);

/// <summary>
/// The referred appointment is booked: in network through scheduling (with its appointment, which is a visit of its own),
/// or outside at a named facility.
/// </summary>
public sealed record ReferralScheduled(
    Guid ReferralId,
    Guid VisitId,
    Guid PatientId,
    bool InNetwork,
    Guid? AppointmentId,
    Guid? ProviderId,
    string Facility,
    DateTimeOffset AppointmentAt,
    string ScheduledBy,
    DateTimeOffset ScheduledAt);

/// <summary>The consult report, imaging result or discharge summary came back: the loop is closed.</summary>
public sealed record ReferralReportReceived(
    Guid ReferralId, Guid VisitId, Guid PatientId, ReportKind ReportKind, string Summary, string ReceivedBy, DateTimeOffset ReceivedAt);

public sealed record ReferralSchedulingOverdue(Guid ReferralId, Guid VisitId, Guid PatientId, DateTimeOffset ScheduleBy, DateTimeOffset DetectedAt);

public sealed record ReferralReportOverdue(Guid ReferralId, Guid VisitId, Guid PatientId, DateTimeOffset ReportDueBy, DateTimeOffset DetectedAt);

/// <summary>The referred appointment did not happen (no-show, cancelled): the referral needs scheduling again, by a new deadline.</summary>
public sealed record ReferralReopened(
    Guid ReferralId, Guid VisitId, Guid PatientId, ReopenReason Reason, Guid? AppointmentId, DateTimeOffset ScheduleBy, DateTimeOffset ReopenedAt);

public sealed record ReferralCancelled(Guid ReferralId, Guid VisitId, Guid PatientId, string Reason, string CancelledBy, DateTimeOffset CancelledAt);

public enum ReferralKind
{
    Specialist,
    Imaging,
    Admission,
}

public enum ReferralUrgency
{
    Routine,
    Urgent,
    Emergent,
}

public enum ReferralStatus
{
    /// <summary>Waiting to be scheduled (also after a reopening).</summary>
    Created,
    Scheduled,
    Completed,
    Cancelled,
}

public enum AuthorizationStatus
{
    NotRequested,
    Requested,
    Approved,
    Denied,
}

public enum ReportKind
{
    ConsultReport,
    ImagingResult,
    DischargeSummary,
}

public enum ReopenReason
{
    NoShow,
    AppointmentCancelled,
}

public sealed record Authorization(AuthorizationStatus Status, string? Number = null, DateOnly? ValidTo = null, bool Appealed = false);

public sealed record Appointment(bool InNetwork, Guid? AppointmentId, string Facility, DateTimeOffset At, bool ReportOverdue = false);

/// <summary>What the deciders need to know about a referral, rebuilt from its events.</summary>
public sealed record Referral(
    Guid Id,
    Guid VisitId,
    Guid PatientId,
    ReferralKind Kind,
    string Specialty,
    ReferralUrgency Urgency,
    ReferralStatus Status,
    DateTimeOffset ScheduleBy,
    bool SchedulingOverdue,
    Authorization Authorization,
    Appointment? Appointment,
    int Round = 0) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"referral {streamId} not found");


    /// <summary>
    /// Names one attempt to book this referral in network: the same until the referral is reopened, so a booking retried
    /// after a lost answer finds the appointment it made instead of making another.
    /// </summary>
    public string BookingRequestId => $"{Id}:{Round}";

    public static Referral Create(ReferralCreated created) => new(
        created.ReferralId, created.VisitId, created.PatientId, created.Kind, created.Specialty, created.Urgency, ReferralStatus.Created,
        created.ScheduleBy, false, new Authorization(AuthorizationStatus.NotRequested), null);

    public Referral Apply(AdmissionRequested _) => this;

    public Referral Apply(AuthorizationRequested _) => this with { Authorization = new Authorization(AuthorizationStatus.Requested) };

    public Referral Apply(AuthorizationApproved e) => this with { Authorization = new Authorization(AuthorizationStatus.Approved, e.AuthorizationNumber, e.ValidTo) };

    public Referral Apply(AuthorizationDenied _) => this with { Authorization = Authorization with { Status = AuthorizationStatus.Denied } };

    public Referral Apply(AuthorizationAppealed _) => this with { Authorization = new Authorization(AuthorizationStatus.Requested, Appealed: true) };

    public Referral Apply(ReferralScheduled e) =>
        this with { Status = ReferralStatus.Scheduled, Appointment = new Appointment(e.InNetwork, e.AppointmentId, e.Facility, e.AppointmentAt) };

    public Referral Apply(ReferralReportReceived _) => this with { Status = ReferralStatus.Completed };

    public Referral Apply(ReferralSchedulingOverdue _) => this with { SchedulingOverdue = true };

    public Referral Apply(ReferralReportOverdue _) => this with { Appointment = Appointment! with { ReportOverdue = true } };

    public Referral Apply(ReferralReopened e) =>
        this with { Status = ReferralStatus.Created, Appointment = null, ScheduleBy = e.ScheduleBy, SchedulingOverdue = false, Round = Round + 1 };

    public Referral Apply(ReferralCancelled _) => this with { Status = ReferralStatus.Cancelled };

    /// <summary>Completed and cancelled referrals take no further changes.</summary>
    public Referral EnsureOpen() => Status switch
    {
        ReferralStatus.Completed => throw new ConflictException($"referral {Id} is complete: its report was received"),
        ReferralStatus.Cancelled => throw new ConflictException($"referral {Id} was cancelled"),
        _ => this,
    };
}
