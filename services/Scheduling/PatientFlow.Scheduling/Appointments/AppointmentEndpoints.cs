using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.Cancelling;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using PatientFlow.Scheduling.Appointments.CorrectingArrival;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Appointments.Rescheduling;
using PatientFlow.Scheduling.Appointments.WalkIns;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Waitlist.Offering;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments;

public static class AppointmentEndpoints
{
    public static IEndpointRouteBuilder MapAppointmentEndpoints(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/scheduling/appointments").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Appointments");
        appointments.MapPost("/", BookAppointment);
        appointments.MapPost("/walk-ins", WalkIn);
        appointments.MapGet("/{appointmentId:guid}", GetAppointment);
        appointments.MapPost("/{appointmentId:guid}/reschedule", Reschedule);
        appointments.MapPost("/{appointmentId:guid}/cancellation", Cancel);
        appointments.MapPost("/{appointmentId:guid}/check-in", CheckIn);
        appointments.MapPost("/{appointmentId:guid}/check-out", CheckOut);
        appointments.MapPost("/{appointmentId:guid}/arrival-correction", CorrectArrivalTime);
        return app;
    }

    /// <summary>
    /// Books a slot for a patient. Provider, patient, room and equipment are locked together and checked in one
    /// transaction: a 409 names what is in the way (<c>conflict</c>: provider, patient, room, equipment or waitlist-offer).
    /// </summary>
    private static async Task<Created<AppointmentDetails>> BookAppointment(
        BookAppointment command, IDocumentStore store, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct)
    {
        var appointmentId = Guid.CreateVersion7();
        var booked = await Bookings.BookAsync(store, command, appointmentId, BookingChannels.FrontDesk, clock, logger, ct);
        logger.LogInformation("Appointment {AppointmentId} booked on provider {ProviderId}", appointmentId, command.ProviderId);
        return TypedResults.Created($"/api/scheduling/appointments/{appointmentId}", AppointmentDetails.Create(booked));
    }

    private static async Task<Created<AppointmentDetails>> WalkIn(
        WalkIn command, IDocumentStore store, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct)
    {
        var visitId = Guid.CreateVersion7();
        await Bookings.WithPatienceAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var patient = await EnsurePatientAsync(session, command.PatientId, ct);
            var type = await AppointmentTypeEndpoints.LoadAsync(session, command.VisitType, "visitType", ct);
            var provider = await session.Events.AggregateStreamAsync<Provider>(command.ProviderId, token: ct)
                ?? throw new NotFoundException($"provider {command.ProviderId} not found");
            var locks = await ScheduleLocks.AcquireAsync(session, [], [command.PatientId], [], ct);
            var events = WalkInDecider.Decide(visitId, provider, locks.Patient(command.PatientId), patient, type, command, clock.GetUtcNow());
            locks.Append(WalkInDecider.Hold((AppointmentBooked)events[0]));
            session.Events.StartStream<Appointment>(visitId, events);
            await session.SaveChangesAsync(ct);
            return true;
        }, logger, ct);
        logger.LogInformation("Walk-in visit {AppointmentId} created on provider {ProviderId}", visitId, command.ProviderId);
        await using var query = store.QuerySession();
        return TypedResults.Created($"/api/scheduling/appointments/{visitId}", await query.LoadAsync<AppointmentDetails>(visitId, ct));
    }

    /// <summary>The appointment now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<AppointmentDetails>> GetAppointment(
        Guid appointmentId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<AppointmentDetails>(appointmentId, asOf, http, ct) ?? throw NotFound(appointmentId));

    /// <summary>Moves a booked appointment to another slot; the freed slot is offered to the waitlist in the same commit.</summary>
    private static async Task<Ok<AppointmentDetails>> Reschedule(
        Guid appointmentId, RescheduleAppointment command, IDocumentSession session, HttpContext http, TimeProvider clock,
        IOptions<SchedulingOptions> options, ILogger<Appointment> logger, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stream = await session.FetchForWritingAsync<Appointment>(appointmentId, http, ct);
        var appointment = stream.Aggregate ?? throw NotFound(appointmentId);
        RescheduleAppointmentDecider.EnsureMovable(appointment, command);
        var plan = await Bookings.PlanAsync(session, command.ProviderId ?? appointment.ProviderId, command.SlotId, command.VisitType ?? appointment.VisitType, ct);
        var locks = await Bookings.LockAsync(session, plan, appointment.PatientId, appointment, ct);
        var release = appointment.Releases(now);
        locks.Append(release);
        var placement = BookAppointmentDecider.Place(Bookings.Target(locks, plan, appointment.PatientId), command.SlotId, appointment.Id, now);
        locks.Append(placement);
        stream.AppendOne(RescheduleAppointmentDecider.Decide(appointment, placement, locks.Provider(plan.ProviderId).Clinic, command, now));
        await OfferFreedSlotAsync(session, locks, appointment, options.Value, now, ct);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Appointment {AppointmentId} rescheduled to slot {SlotId}", appointmentId, command.SlotId);
        return TypedResults.Ok(await session.LoadAsync<AppointmentDetails>(appointmentId, ct) ?? throw NotFound(appointmentId));
    }

    private static async Task<Ok<AppointmentDetails>> Cancel(
        Guid appointmentId, CancelAppointment command, IDocumentSession session, HttpContext http, TimeProvider clock,
        IOptions<SchedulingOptions> options, ILogger<Appointment> logger, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stream = await session.FetchForWritingAsync<Appointment>(appointmentId, http, ct);
        var appointment = stream.Aggregate ?? throw NotFound(appointmentId);
        var (cancelled, release) = CancelAppointmentDecider.Decide(appointment, command, now);
        var locks = await ScheduleLocks.AcquireAsync(session, [appointment.ProviderId], [appointment.PatientId], appointment.ResourceIds ?? [], ct);
        locks.Append(release);
        stream.AppendOne(cancelled);
        await OfferFreedSlotAsync(session, locks, appointment, options.Value, now, ct);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Appointment {AppointmentId} cancelled", appointmentId);
        return TypedResults.Ok(await session.LoadAsync<AppointmentDetails>(appointmentId, ct) ?? throw NotFound(appointmentId));
    }

    private static async Task<Ok<AppointmentDetails>> CheckIn(
        Guid appointmentId, CheckIn command, IDocumentSession session, HttpContext http, TimeProvider clock,
        IOptions<SchedulingOptions> options, ILogger<Appointment> logger, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Appointment>(appointmentId, http, ct);
        var appointment = stream.Aggregate ?? throw NotFound(appointmentId);
        var patient = await EnsurePatientAsync(session, appointment.PatientId, ct);
        return await SaveAsync(stream, CheckInDecider.Decide(appointment, patient, command, options.Value.LateAfter, clock.GetUtcNow()), session, http, logger, ct);
    }

    /// <summary>Checks the patient out and, with <c>followUp</c>, books the next visit in the same commit (a refused booking leaves the patient checked in).</summary>
    private static async Task<Ok<AppointmentDetails>> CheckOut(
        Guid appointmentId, [FromBody] CheckOut? command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct)
    {
        command ??= new CheckOut();
        var now = clock.GetUtcNow();
        var stream = await session.FetchForWritingAsync<Appointment>(appointmentId, http, ct);
        var appointment = stream.Aggregate ?? throw NotFound(appointmentId);
        Guid? followUpId = null;
        CheckOutDecider.Decide(appointment, command, now);
        if (command.FollowUp is { } followUp)
        {
            followUpId = Guid.CreateVersion7();
            var book = new BookAppointment(appointment.PatientId, followUp.ProviderId ?? appointment.ProviderId, followUp.SlotId, followUp.VisitType);
            var plan = await Bookings.PlanAsync(session, book.ProviderId, book.SlotId, book.VisitType, ct);
            var locks = await Bookings.LockAsync(session, plan, book.PatientId, null, ct);
            var (placement, booked) = BookAppointmentDecider.Decide(Bookings.Target(locks, plan, book.PatientId), book, followUpId.Value, now, BookingChannels.FollowUp);
            locks.Append(placement);
            session.Events.StartStream<Appointment>(followUpId.Value, booked);
            logger.LogInformation("Follow-up {FollowUpId} booked at check-out of {AppointmentId}", followUpId, appointmentId);
        }

        return await SaveAsync(stream, [CheckOutDecider.Decide(appointment, command, now, followUpId)], session, http, logger, ct);
    }

    private static async Task<Ok<AppointmentDetails>> CorrectArrivalTime(
        Guid appointmentId, CorrectArrivalTime command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Appointment>(appointmentId, http, ct);
        var appointment = stream.Aggregate ?? throw NotFound(appointmentId);
        return await SaveAsync(stream, [CorrectArrivalTimeDecider.Decide(appointment, command, clock.GetUtcNow())], session, http, logger, ct);
    }

    /// <summary>Appends what was decided and saves; the stream version is checked at save, so a lost race is a 409. The answer carries the new ETag.</summary>
    private static async Task<Ok<AppointmentDetails>> SaveAsync(
        JasperFx.Events.IEventStream<Appointment> stream, IReadOnlyList<object> decided, IDocumentSession session, HttpContext http, ILogger logger, CancellationToken ct)
    {
        stream.AppendMany(decided);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Appointment {AppointmentId}: {EventTypes}", stream.Id, decided.Select(e => e.GetType().Name));
        return TypedResults.Ok(await session.LoadAsync<AppointmentDetails>(stream.Id, ct) ?? throw NotFound(stream.Id));
    }

    private static async Task OfferFreedSlotAsync(
        IDocumentSession session, ScheduleLocks locks, Appointment freed, SchedulingOptions options, DateTimeOffset now, CancellationToken ct)
    {
        if (freed.SlotIds is [var slotId, ..])
        {
            var provider = locks.Provider(freed.ProviderId);
            await WaitlistOffers.OfferAsync(session, provider, slotId, hold => locks.Append(freed.ProviderId, hold, (p, e) => p.Apply(e)), options.WaitlistOfferWindow, now, ct);
        }
    }

    internal static async Task<PatientDetails> EnsurePatientAsync(IQuerySession session, Guid patientId, CancellationToken ct) =>
        await session.LoadAsync<PatientDetails>(patientId, ct) ?? throw new NotFoundException($"patient {patientId} not found");

    private static NotFoundException NotFound(Guid appointmentId) => new($"appointment {appointmentId} not found");
}
