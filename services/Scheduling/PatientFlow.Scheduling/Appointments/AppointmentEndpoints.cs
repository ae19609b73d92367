using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using PatientFlow.Scheduling.Appointments.CorrectingArrival;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments;

public static class AppointmentEndpoints
{
    // Bookings of one provider share its stream. They queue on the stream's row lock (exclusive fetch), so
    // each is decided on the latest schedule: a free slot is booked, a taken one refused, nobody spins.
    // Should a lock time out anyway, the booking is decided again within this much time.
    private static readonly TimeSpan BookingPatience = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapAppointmentEndpoints(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/scheduling/appointments").RequireAuthorization(AccessPolicies.Scheduling);
        appointments.MapPost("/", BookAppointment);
        appointments.MapGet("/{appointmentId:guid}", GetAppointment);
        appointments.MapPost("/{appointmentId:guid}/check-in", CheckIn);
        appointments.MapPost("/{appointmentId:guid}/check-out", CheckOut);
        appointments.MapPost("/{appointmentId:guid}/arrival-correction", CorrectArrivalTime);
        return app;
    }

    private static async Task<Created<AppointmentDetails>> BookAppointment(
        BookAppointment command, IDocumentStore store, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct)
    {
        var appointmentId = Guid.CreateVersion7();
        var patience = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            if (await session.LoadAsync<PatientDetails>(command.PatientId, ct) is null)
            {
                throw new NotFoundException($"patient {command.PatientId} not found");
            }

            var stream = await session.Events.FetchForExclusiveWriting<Provider>(command.ProviderId, ct);
            var provider = stream.Aggregate ?? throw new NotFoundException($"provider {command.ProviderId} not found");
            var (slot, booked) = BookAppointmentDecider.Decide(provider, command, appointmentId, clock.GetUtcNow());
            stream.AppendOne(slot);
            session.Events.StartStream<Appointment>(appointmentId, booked);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (JasperFx.ConcurrencyException) when (patience.Elapsed < BookingPatience)
            {
                logger.LogDebug("Booking on provider {ProviderId} lost a race (attempt {Attempt}); deciding again", command.ProviderId, attempt);
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), ct);
                continue;
            }

            logger.LogInformation("Appointment {AppointmentId} booked on provider {ProviderId}", appointmentId, command.ProviderId);
            return TypedResults.Created($"/api/scheduling/appointments/{appointmentId}", AppointmentDetails.Create(booked));
        }
    }

    /// <summary>The appointment now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<AppointmentDetails>> GetAppointment(
        Guid appointmentId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<AppointmentDetails>(appointmentId, asOf, http, ct) ?? throw NotFound(appointmentId));

    private static Task<Ok<AppointmentDetails>> CheckIn(
        Guid appointmentId, [FromBody] CheckIn? command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct) =>
        Decide(appointmentId, session, http, logger, state => CheckInDecider.Decide(state, command ?? new CheckIn(), clock.GetUtcNow()), ct);

    private static Task<Ok<AppointmentDetails>> CheckOut(
        Guid appointmentId, [FromBody] CheckOut? command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct) =>
        Decide(appointmentId, session, http, logger, state => CheckOutDecider.Decide(state, command ?? new CheckOut(), clock.GetUtcNow()), ct);

    private static Task<Ok<AppointmentDetails>> CorrectArrivalTime(
        Guid appointmentId, CorrectArrivalTime command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct) =>
        Decide(appointmentId, session, http, logger, state => CorrectArrivalTimeDecider.Decide(state, command, clock.GetUtcNow()), ct);

    /// <summary>
    /// Fetch (honouring If-Match) → decide → append → save; the stream version is checked at save, so a
    /// lost race is a 409. The answer carries the new version as ETag.
    /// </summary>
    private static async Task<Ok<AppointmentDetails>> Decide(
        Guid appointmentId, IDocumentSession session, HttpContext http, ILogger logger, Func<Appointment, object> decide, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Appointment>(appointmentId, http, ct);
        var appointment = stream.Aggregate ?? throw NotFound(appointmentId);
        var decided = decide(appointment);
        stream.AppendOne(decided);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Appointment {AppointmentId}: {EventType}", appointmentId, decided.GetType().Name);
        return TypedResults.Ok(await session.LoadAsync<AppointmentDetails>(appointmentId, ct) ?? throw NotFound(appointmentId));
    }

    private static NotFoundException NotFound(Guid appointmentId) => new($"appointment {appointmentId} not found");
}
