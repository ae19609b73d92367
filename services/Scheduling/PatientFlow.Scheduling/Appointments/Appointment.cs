using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments;

// The appointment id is the visit id: every later stage, event and claim carries it.

// Stored as "appointment_booked_v2" since BookedVia was added; older "appointment_booked" events are
// read through AppointmentBookedV1.Upcast.
public sealed record AppointmentBooked(
    Guid AppointmentId,
    Guid PatientId,
    Guid ProviderId,
    Guid SlotId,
    string Clinic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string VisitType,
    DateTimeOffset BookedAt,
    string BookedVia);

// Provider and clinic are repeated so the relay can publish the check-in from this event alone.
public sealed record PatientCheckedIn(Guid AppointmentId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset ArrivedAt);

public sealed record PatientCheckedOut(Guid AppointmentId, Guid PatientId, DateTimeOffset DepartedAt);

// A wrong arrival time is corrected by a new event, never by editing the check-in: the history keeps both.
public sealed record ArrivalTimeCorrected(
    Guid AppointmentId, Guid PatientId, DateTimeOffset PreviousArrivedAt, DateTimeOffset ArrivedAt, string Reason, DateTimeOffset CorrectedAt);

public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    CheckedOut,
}

/// <summary>What the deciders need to know about an appointment.</summary>
public sealed record Appointment(
    Guid Id, Guid PatientId, Guid ProviderId, string Clinic, AppointmentStatus Status, DateTimeOffset? ArrivedAt, DateTimeOffset? DepartedAt = null)
{
    public static Appointment Create(AppointmentBooked booked) =>
        new(booked.AppointmentId, booked.PatientId, booked.ProviderId, booked.Clinic, AppointmentStatus.Booked, null);

    public Appointment Apply(PatientCheckedIn checkedIn) => this with { Status = AppointmentStatus.CheckedIn, ArrivedAt = checkedIn.ArrivedAt };

    public Appointment Apply(PatientCheckedOut checkedOut) => this with { Status = AppointmentStatus.CheckedOut, DepartedAt = checkedOut.DepartedAt };

    public Appointment Apply(ArrivalTimeCorrected corrected) => this with { ArrivedAt = corrected.ArrivedAt };

    public Appointment EnsureStatus(AppointmentStatus expected, string action) => Status == expected
        ? this
        : throw new ConflictException($"appointment {Id} is {Status.ToString().ToLowerInvariant()}; cannot {action}");
}
