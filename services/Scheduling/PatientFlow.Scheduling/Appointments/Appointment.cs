using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments;

// The appointment id is the visit id: every later stage, event and claim carries it.

public sealed record AppointmentBooked(
    Guid AppointmentId,
    Guid PatientId,
    Guid ProviderId,
    Guid SlotId,
    string Clinic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string VisitType,
    DateTimeOffset BookedAt);

// Provider and clinic are repeated so the relay can publish the check-in from this event alone.
public sealed record PatientCheckedIn(Guid AppointmentId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset ArrivedAt);

public sealed record PatientCheckedOut(Guid AppointmentId, Guid PatientId, DateTimeOffset DepartedAt);

public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    CheckedOut,
}

/// <summary>What the deciders need to know about an appointment.</summary>
public sealed record Appointment(
    Guid Id, Guid PatientId, Guid ProviderId, string Clinic, AppointmentStatus Status, DateTimeOffset? ArrivedAt)
{
    public static Appointment Create(AppointmentBooked booked) =>
        new(booked.AppointmentId, booked.PatientId, booked.ProviderId, booked.Clinic, AppointmentStatus.Booked, null);

    public Appointment Apply(PatientCheckedIn checkedIn) => this with { Status = AppointmentStatus.CheckedIn, ArrivedAt = checkedIn.ArrivedAt };

    public Appointment Apply(PatientCheckedOut _) => this with { Status = AppointmentStatus.CheckedOut };

    public Appointment EnsureStatus(AppointmentStatus expected, string action) => Status == expected
        ? this
        : throw new ConflictException($"appointment {Id} is {Status.ToString().ToLowerInvariant()}; cannot {action}");
}
