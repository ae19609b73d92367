using JasperFx;

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
    IReadOnlyList<ArrivalCorrection>? Corrections = null)
{
    /// <summary>The visit id every later stage carries: the appointment id itself.</summary>
    public Guid VisitId => AppointmentId;

    public static AppointmentDetails Create(AppointmentBooked booked) => new(
        booked.AppointmentId, booked.PatientId, booked.ProviderId, booked.SlotId, booked.Clinic,
        booked.StartsAt, booked.EndsAt, booked.VisitType, AppointmentStatus.Booked, booked.BookedAt, null, null, booked.BookedVia);

    public AppointmentDetails Apply(PatientCheckedIn checkedIn) =>
        this with { Status = AppointmentStatus.CheckedIn, ArrivedAt = checkedIn.ArrivedAt };

    public AppointmentDetails Apply(PatientCheckedOut checkedOut) =>
        this with { Status = AppointmentStatus.CheckedOut, DepartedAt = checkedOut.DepartedAt };

    /// <summary>The corrected time shows as the arrival; every correction stays listed with the value it replaced.</summary>
    public AppointmentDetails Apply(ArrivalTimeCorrected corrected) => this with
    {
        ArrivedAt = corrected.ArrivedAt,
        Corrections = [.. Corrections ?? [], new ArrivalCorrection(corrected.PreviousArrivedAt, corrected.ArrivedAt, corrected.Reason, corrected.CorrectedAt)],
    };
}

/// <summary>One correction of the arrival time: what was on record, what it became, why and when it was entered.</summary>
public sealed record ArrivalCorrection(DateTimeOffset PreviousArrivedAt, DateTimeOffset ArrivedAt, string Reason, DateTimeOffset RecordedAt);
