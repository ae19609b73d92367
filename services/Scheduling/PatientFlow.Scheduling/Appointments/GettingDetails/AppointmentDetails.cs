using JasperFx;
using Microsoft.AspNetCore.Mvc;

namespace PatientFlow.Scheduling.Appointments.GettingDetails;

/// <summary>The appointment as the front desk sees it (inline projection of the appointment stream).</summary>
public sealed record AppointmentDetails(
    [property: Identity] Guid AppointmentId,
    Guid PatientId,
    Guid ProviderId,
    Guid SlotId,
    string Clinic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string VisitType,
    AppointmentStatus Status,
    DateTimeOffset BookedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? DepartedAt,
    string BookedVia,
    IReadOnlyList<ArrivalCorrection>? Corrections = null,
    string? Room = null,
    bool Overbooked = false,
    int? MinutesLate = null,
    string? CancellationReason = null,
    Guid? FollowUpAppointmentId = null,
    IReadOnlyList<int>? RemindersSent = null,
    IReadOnlyList<Reschedule>? Reschedules = null,
    bool DemographicsConfirmed = false,
    string? InsuranceMemberIdConfirmed = null)
{
    /// <summary>The visit id every later stage carries: the appointment id itself.</summary>
    public Guid VisitId => AppointmentId;

    /// <summary>GET /appointments/{id}: the appointment now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    public static async Task<Ok<AppointmentDetails>> Get(
        Guid appointmentId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<AppointmentDetails>(appointmentId, asOf, http, ct) ?? throw Appointment.NotFound(appointmentId));

    public static AppointmentDetails Create(AppointmentBooked booked) => new(
        booked.AppointmentId, booked.PatientId, booked.ProviderId, booked.SlotId, booked.Clinic,
        booked.StartsAt, booked.EndsAt, booked.VisitType, AppointmentStatus.Booked, booked.BookedAt, null, null, booked.BookedVia,
        [], booked.Room, booked.Overbooked, null, null, null, [], []);

    public AppointmentDetails Apply(AppointmentRescheduled moved) => this with
    {
        ProviderId = moved.ProviderId, Clinic = moved.Clinic, SlotId = moved.SlotId, StartsAt = moved.StartsAt, EndsAt = moved.EndsAt,
        Room = moved.Room, Overbooked = moved.Overbooked, RemindersSent = [], Status = AppointmentStatus.Booked,
        Reschedules = [.. Reschedules ?? [], new Reschedule(moved.PreviousStartsAt, moved.StartsAt, moved.Reason, moved.RescheduledAt)],
    };

    public AppointmentDetails Apply(AppointmentCancelled cancelled) =>
        this with { Status = AppointmentStatus.Cancelled, CancellationReason = cancelled.Reason };

    public AppointmentDetails Apply(NoShowRecorded _) => this with { Status = AppointmentStatus.NoShow };

    public AppointmentDetails Apply(PatientCheckedIn checkedIn) => this with
    {
        Status = AppointmentStatus.CheckedIn, ArrivedAt = checkedIn.ArrivedAt,
        DemographicsConfirmed = checkedIn.DemographicsConfirmed, InsuranceMemberIdConfirmed = checkedIn.InsuranceMemberId,
    };

    public AppointmentDetails Apply(LateArrivalFlagged late) => this with { MinutesLate = late.MinutesLate };

    public AppointmentDetails Apply(PatientCheckedOut checkedOut) => this with
    {
        Status = AppointmentStatus.CheckedOut, DepartedAt = checkedOut.DepartedAt, FollowUpAppointmentId = checkedOut.FollowUpAppointmentId,
    };

    public AppointmentDetails Apply(ReminderDue due) => this with { RemindersSent = [.. RemindersSent ?? [], due.OffsetMinutes] };

    /// <summary>The corrected time shows as the arrival; every correction stays listed with the value it replaced.</summary>
    public AppointmentDetails Apply(ArrivalTimeCorrected corrected) => this with
    {
        ArrivedAt = corrected.ArrivedAt,
        Corrections = [.. Corrections ?? [], new ArrivalCorrection(corrected.PreviousArrivedAt, corrected.ArrivedAt, corrected.Reason, corrected.CorrectedAt)],
    };
}

/// <summary>One correction of the arrival time: what was on record, what it became, why and when it was entered.</summary>
public sealed record ArrivalCorrection(DateTimeOffset PreviousArrivedAt, DateTimeOffset ArrivedAt, string Reason, DateTimeOffset RecordedAt);

/// <summary>One move of the appointment: from when, to when, why and when it was made.</summary>
public sealed record Reschedule(DateTimeOffset PreviousStartsAt, DateTimeOffset StartsAt, string? Reason, DateTimeOffset RecordedAt);
