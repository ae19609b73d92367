using System.Diagnostics;
using Marten;
using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments.Booking;

/// <summary>The streams a booking will lock: read without locks first, because a slot's room never changes.</summary>
public sealed record BookingPlan(AppointmentTypeDetails Type, Guid ProviderId, Guid SlotId, Guid? RoomId, IReadOnlyList<Guid> EquipmentIds);

/// <summary>The I/O around <see cref="BookAppointmentDecider"/>: plan, lock, decide, append; retried while a lock race lasts.</summary>
public static class Bookings
{
    // Bookings of one provider (or patient, or room) queue on the streams' row locks, so each is decided on
    // the latest schedule. Should a lock wait time out anyway, the booking is decided again within this time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<BookingPlan> PlanAsync(IQuerySession session, Guid providerId, Guid slotId, string? visitType, CancellationToken ct)
    {
        var type = await AppointmentTypeEndpoints.LoadAsync(session, visitType, "visitType", ct);
        var provider = await session.LoadAsync<ProviderDetails>(providerId, ct) ?? throw new NotFoundException($"provider {providerId} not found");
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

    /// <summary>Plan, lock, decide, append and save a new appointment, deciding again while lock races last.</summary>
    public static Task<AppointmentBooked> BookAsync(
        IDocumentStore store, BookAppointment command, Guid appointmentId, string via, TimeProvider clock, ILogger logger, CancellationToken ct) =>
        WithPatienceAsync(async () =>
        {
            await using var session = store.LightweightSession();
            await AppointmentEndpoints.EnsurePatientAsync(session, command.PatientId, ct);
            var plan = await PlanAsync(session, command.ProviderId, command.SlotId, command.VisitType, ct);
            var locks = await LockAsync(session, plan, command.PatientId, null, ct);
            var (placement, booked) = BookAppointmentDecider.Decide(Target(locks, plan, command.PatientId), command, appointmentId, clock.GetUtcNow(), via);
            locks.Append(placement);
            session.Events.StartStream<Appointment>(appointmentId, booked);
            await session.SaveChangesAsync(ct);
            return booked;
        }, logger, ct);

    /// <summary>Runs <paramref name="attempt"/> (each with a fresh session) again while it loses lock races, for up to 10 s.</summary>
    public static async Task<T> WithPatienceAsync<T>(Func<Task<T>> attempt, ILogger logger, CancellationToken ct)
    {
        var patience = Stopwatch.StartNew();
        for (var round = 1; ; round++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception race) when (IsLockRace(race) && patience.Elapsed < Patience)
            {
                logger.LogDebug("Booking lost a lock race (attempt {Attempt}); deciding again", round);
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(round, 10)), ct);
            }
        }
    }

    private static bool IsLockRace(Exception exception) => exception is JasperFx.ConcurrencyException
        || exception.InnerException is Npgsql.PostgresException { SqlState: "40P01" or "55P03" or "40001" }
        || exception is Npgsql.PostgresException { SqlState: "40P01" or "55P03" or "40001" };
}
