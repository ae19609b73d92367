using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;

namespace PatientFlow.Scheduling.Appointments;

// The appointment id is the visit id: every later stage, event and claim carries it.

// Stored as "appointment_booked_v2" since BookedVia was added; older "appointment_booked" events are
// read through AppointmentBookedV1.Upcast. Fields after BookedVia were added later and read as their
// defaults from older events (one slot, no room, no equipment).
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
    string BookedVia,
    IReadOnlyList<Guid>? SlotIds = null,
    Guid? RoomId = null,
    string? Room = null,
    IReadOnlyList<Guid>? EquipmentIds = null,
    bool Overbooked = false);

/// <summary>Moved to another slot (same or another provider); the old slots and resources are released in the same commit.</summary>
public sealed record AppointmentRescheduled(
    Guid AppointmentId,
    Guid PatientId,
    Guid ProviderId,
    string Clinic,
    Guid SlotId,
    IReadOnlyList<Guid> SlotIds,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid? RoomId,
    string? Room,
    IReadOnlyList<Guid> EquipmentIds,
    bool Overbooked,
    DateTimeOffset PreviousStartsAt,
    string? Reason,
    DateTimeOffset RescheduledAt);

public sealed record AppointmentCancelled(Guid AppointmentId, Guid PatientId, Guid ProviderId, string Reason, DateTimeOffset CancelledAt);

/// <summary>The patient had not arrived a grace period after the start time.</summary>
public sealed record NoShowRecorded(Guid AppointmentId, Guid PatientId, Guid ProviderId, DateTimeOffset StartsAt, DateTimeOffset RecordedAt);

// Provider and clinic are repeated so the relay can publish the check-in from this event alone.
public sealed record PatientCheckedIn(
    Guid AppointmentId,
    Guid PatientId,
    Guid ProviderId,
    string Clinic,
    DateTimeOffset ArrivedAt,
    bool DemographicsConfirmed = false,
    string? InsuranceMemberId = null,
    string? InsurancePayer = null,
    bool WalkIn = false);

/// <summary>The patient arrived more than the lateness threshold after the start time.</summary>
public sealed record LateArrivalFlagged(Guid AppointmentId, Guid PatientId, DateTimeOffset StartsAt, DateTimeOffset ArrivedAt, int MinutesLate);

public sealed record PatientCheckedOut(Guid AppointmentId, Guid PatientId, DateTimeOffset DepartedAt, Guid? FollowUpAppointmentId = null);

/// <summary>A reminder of the appointment is due <see cref="OffsetMinutes"/> before it; channels (SMS, email, call) subscribe.</summary>
public sealed record ReminderDue(Guid AppointmentId, Guid PatientId, DateTimeOffset StartsAt, int OffsetMinutes, DateTimeOffset DueAt);

// A wrong arrival time is corrected by a new event, never by editing the check-in: the history keeps both.
public sealed record ArrivalTimeCorrected(
    Guid AppointmentId, Guid PatientId, DateTimeOffset PreviousArrivedAt, DateTimeOffset ArrivedAt, string Reason, DateTimeOffset CorrectedAt);

public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    CheckedOut,
    Cancelled,
    NoShow,
}

/// <summary>What the deciders need to know about an appointment.</summary>
public sealed record Appointment(
    Guid Id,
    Guid PatientId,
    Guid ProviderId,
    string Clinic,
    AppointmentStatus Status,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? DepartedAt = null,
    DateTimeOffset StartsAt = default,
    DateTimeOffset EndsAt = default,
    IReadOnlyList<Guid>? SlotIds = null,
    IReadOnlyList<Guid>? ResourceIds = null,
    IReadOnlyList<int>? RemindersSent = null,
    string VisitType = "",
    DateTimeOffset ScheduledAt = default) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"appointment {streamId} not found");


    public static Appointment Create(AppointmentBooked booked) => new(
        booked.AppointmentId, booked.PatientId, booked.ProviderId, booked.Clinic, AppointmentStatus.Booked, null, null,
        booked.StartsAt, booked.EndsAt, SlotsOf(booked), ResourcesOf(booked.Overbooked ? null : booked.RoomId, booked.EquipmentIds), [], booked.VisitType, booked.BookedAt);

    public Appointment Apply(AppointmentRescheduled moved) => this with
    {
        ProviderId = moved.ProviderId, Clinic = moved.Clinic, StartsAt = moved.StartsAt, EndsAt = moved.EndsAt,
        SlotIds = moved.SlotIds, ResourceIds = ResourcesOf(moved.Overbooked ? null : moved.RoomId, moved.EquipmentIds), RemindersSent = [],
        ScheduledAt = moved.RescheduledAt,
        Status = AppointmentStatus.Booked,
    };

    public Appointment Apply(AppointmentCancelled _) => this with { Status = AppointmentStatus.Cancelled };

    public Appointment Apply(NoShowRecorded _) => this with { Status = AppointmentStatus.NoShow };

    public Appointment Apply(PatientCheckedIn checkedIn) => this with { Status = AppointmentStatus.CheckedIn, ArrivedAt = checkedIn.ArrivedAt };

    public Appointment Apply(PatientCheckedOut checkedOut) => this with { Status = AppointmentStatus.CheckedOut, DepartedAt = checkedOut.DepartedAt };

    public Appointment Apply(ArrivalTimeCorrected corrected) => this with { ArrivedAt = corrected.ArrivedAt };

    public Appointment Apply(ReminderDue due) => this with { RemindersSent = [.. RemindersSent ?? [], due.OffsetMinutes] };

    public Appointment EnsureStatus(AppointmentStatus expected, string action) => Status == expected
        ? this
        : throw new ConflictException($"appointment {Id} is {Status.ToString().ToLowerInvariant()}; cannot {action}");

    /// <summary>
    /// What gives back the appointment's hold on provider, patient, room and equipment, for a cancellation
    /// or a move. Walk-ins hold no slot; appointments booked before holds existed release only their slot.
    /// </summary>
    public Release Releases(DateTimeOffset now) => new(
        [.. (SlotIds ?? []).Select(slot => new SlotReleased(ProviderId, slot, Id, now))],
        new PatientAppointmentReleased(PatientId, Id, now),
        [.. (ResourceIds ?? []).Select(resource => new ResourceReleased(resource, Id, now))]);

    private static IReadOnlyList<Guid> SlotsOf(AppointmentBooked booked) =>
        booked.SlotIds is { Count: > 0 } slots ? slots : booked.SlotId == Guid.Empty ? [] : [booked.SlotId];

    // An overbooked appointment shares the room of the booking it doubles up on; it reserves only its equipment.
    private static IReadOnlyList<Guid> ResourcesOf(Guid? room, IReadOnlyList<Guid>? equipment) =>
        [.. (room is { } r ? [r] : Array.Empty<Guid>()), .. equipment ?? []];
}

public sealed record Release(IReadOnlyList<SlotReleased> Slots, PatientAppointmentReleased Patient, IReadOnlyList<ResourceReleased> Resources);
