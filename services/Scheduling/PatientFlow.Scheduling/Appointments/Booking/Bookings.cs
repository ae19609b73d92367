using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;

namespace PatientFlow.Scheduling.Appointments.Booking;

/// <summary>The streams a booking will lock: read without locks first, because a slot's room never changes.</summary>
public sealed record BookingPlan(AppointmentTypeDetails Type, Guid ProviderId, Guid SlotId, Guid? RoomId, IReadOnlyList<Guid> EquipmentIds);

/// <summary>The I/O around <see cref="BookAppointmentDecider"/>: plan, lock, decide, append (the command path retries it while a lock race lasts).</summary>
public static class Bookings
{
    public static async Task<BookingPlan> PlanAsync(IQuerySession session, Guid providerId, Guid slotId, string? visitType, CancellationToken ct)
    {
        var type = await AppointmentTypeDetails.LoadAsync(session, visitType, "visitType", ct);
        var provider = await ProviderDetails.LoadAsync(session, providerId, ct);
        var roomId = provider.Slots.FirstOrDefault(s => s.SlotId == slotId)?.RoomId;
        IReadOnlyList<Guid> equipment = [];
        if (type.RequiredEquipment.Count > 0)
        {
            var categories = type.RequiredEquipment.ToArray();
            equipment = await session.Query<ResourceDetails>()
                .Where(r => r.Clinic == provider.Clinic && r.Kind == ResourceKind.Equipment && r.Category.IsOneOf(categories))
                .Select(r => r.ResourceId).ToListAsync(ct);
        }

        return new BookingPlan(type, providerId, slotId, roomId, equipment);
    }

    /// <summary>Locks what the plan needs for the patient, and what <paramref name="moving"/> holds now when it is being moved.</summary>
    public static Task<ScheduleLocks> LockAsync(IDocumentSession session, BookingPlan plan, Guid patientId, Appointment? moving, CancellationToken ct) =>
        ScheduleLocks.AcquireAsync(
            session,
            [plan.ProviderId, .. moving is null ? [] : new[] { moving.ProviderId }],
            [patientId],
            [.. plan.RoomId is { } room ? [room] : Array.Empty<Guid>(), .. plan.EquipmentIds, .. moving?.ResourceIds ?? []],
            ct);

    public static BookingTarget Target(ScheduleLocks locks, BookingPlan plan, Guid patientId) => new(
        locks.Provider(plan.ProviderId), locks.Patient(patientId), plan.Type, locks.Resource(plan.RoomId), locks.Resources(plan.EquipmentIds));

    /// <summary>Plans, locks and decides a new appointment in <paramref name="session"/>; the holds are appended, the booking is returned to start its stream.</summary>
    public static async Task<IReadOnlyList<object>> DecideAsync(
        IDocumentSession session, BookAppointment command, Guid appointmentId, string via, DateTimeOffset now, CancellationToken ct)
    {
        await PatientDetails.LoadAsync(session, command.PatientId, ct);
        var plan = await PlanAsync(session, command.ProviderId, command.SlotId, command.VisitType, ct);
        var locks = await LockAsync(session, plan, command.PatientId, null, ct);
        var (placement, booked) = BookAppointmentDecider.Decide(Target(locks, plan, command.PatientId), command, appointmentId, now, via);
        locks.Append(placement);
        return [booked];
    }

    /// <summary>A booking outside an HTTP request (gRPC): decided again on a fresh session while it loses lock races.</summary>
    public static async Task<AppointmentBooked> BookAsync(
        IDocumentStore store, BookAppointment command, Guid appointmentId, string via, TimeProvider clock, ILogger logger, CancellationToken ct) =>
        (AppointmentBooked)(await store.StartLockingAsync<Appointment>(
            appointmentId, session => DecideAsync(session, command, appointmentId, via, clock.GetUtcNow(), ct), logger, ct))[0];
}
