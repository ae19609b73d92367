using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments;

public static class AppointmentEndpoints
{
    // Bookings of different slots of one provider share its stream; a lost race is decided again.
    private const int BookingAttempts = 3;

    public static IEndpointRouteBuilder MapAppointmentEndpoints(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/scheduling/appointments").RequireAuthorization(AccessPolicies.Scheduling);
        appointments.MapPost("/", BookAppointment);
        appointments.MapGet("/{appointmentId:guid}", GetAppointment);
        appointments.MapPost("/{appointmentId:guid}/check-in", CheckIn);
        appointments.MapPost("/{appointmentId:guid}/check-out", CheckOut);
        return app;
    }

    private static async Task<Created<AppointmentDetails>> BookAppointment(
        BookAppointment command, IDocumentStore store, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct)
    {
        var appointmentId = Guid.CreateVersion7();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            if (await session.LoadAsync<PatientDetails>(command.PatientId, ct) is null)
            {
                throw new NotFoundException($"patient {command.PatientId} not found");
            }

            var stream = await session.Events.FetchForWriting<Provider>(command.ProviderId, ct);
            var provider = stream.Aggregate ?? throw new NotFoundException($"provider {command.ProviderId} not found");
            var (slot, booked) = BookAppointmentDecider.Decide(provider, command, appointmentId, clock.GetUtcNow());
            stream.AppendOne(slot);
            session.Events.StartStream<Appointment>(appointmentId, booked);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < BookingAttempts)
            {
                logger.LogInformation("Booking on provider {ProviderId} lost a race (attempt {Attempt}); deciding again", command.ProviderId, attempt);
                continue;
            }

            logger.LogInformation("Appointment {AppointmentId} booked on provider {ProviderId}", appointmentId, command.ProviderId);
            return TypedResults.Created($"/api/scheduling/appointments/{appointmentId}", AppointmentDetails.Create(booked));
        }
    }

    private static async Task<Ok<AppointmentDetails>> GetAppointment(Guid appointmentId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await LoadDetails(session, appointmentId, ct));

    private static Task<Ok<AppointmentDetails>> CheckIn(
        Guid appointmentId, [FromBody] CheckIn? command, IDocumentSession session, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct) =>
        Decide(appointmentId, session, logger, state => CheckInDecider.Decide(state, command ?? new CheckIn(), clock.GetUtcNow()), ct);

    private static Task<Ok<AppointmentDetails>> CheckOut(
        Guid appointmentId, [FromBody] CheckOut? command, IDocumentSession session, TimeProvider clock, ILogger<Appointment> logger, CancellationToken ct) =>
        Decide(appointmentId, session, logger, state => CheckOutDecider.Decide(state, command ?? new CheckOut(), clock.GetUtcNow()), ct);

    /// <summary>Fetch → decide → append → save; the stream version is checked at save, so a lost race is a 409.</summary>
    private static async Task<Ok<AppointmentDetails>> Decide(
        Guid appointmentId, IDocumentSession session, ILogger logger, Func<Appointment, object> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Appointment>(appointmentId, ct);
        var appointment = stream.Aggregate ?? throw NotFound(appointmentId);
        var decided = decide(appointment);
        stream.AppendOne(decided);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Appointment {AppointmentId}: {EventType}", appointmentId, decided.GetType().Name);
        return TypedResults.Ok(await LoadDetails(session, appointmentId, ct));
    }

    private static async Task<AppointmentDetails> LoadDetails(IQuerySession session, Guid appointmentId, CancellationToken ct) =>
        await session.LoadAsync<AppointmentDetails>(appointmentId, ct) ?? throw NotFound(appointmentId);

    private static NotFoundException NotFound(Guid appointmentId) => new($"appointment {appointmentId} not found");
}
