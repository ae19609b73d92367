using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.Cancelling;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using PatientFlow.Scheduling.Appointments.CorrectingArrival;
using PatientFlow.Scheduling.Appointments.Rescheduling;
using PatientFlow.Scheduling.Appointments.WalkIns;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Appointments;

/// <summary>The appointment's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class AppointmentRoutes
{
    public static IEndpointRouteBuilder MapAppointmentRoutes(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/scheduling/appointments").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Appointments");
        appointments.Audited("appointment");
        appointments.MapPost("/", BookAppointmentDecider.Handle);
        appointments.MapPost("/walk-ins", WalkInDecider.Handle);
        appointments.MapGet("/{appointmentId:guid}", AppointmentDetails.Get);
        appointments.MapPost("/{appointmentId:guid}/reschedule", RescheduleAppointmentDecider.Handle);
        appointments.MapPost("/{appointmentId:guid}/cancellation", CancelAppointmentDecider.Handle);
        appointments.MapPost("/{appointmentId:guid}/check-in", CheckInDecider.Handle);
        appointments.MapPost("/{appointmentId:guid}/check-out", CheckOutDecider.Handle);
        appointments.MapPost("/{appointmentId:guid}/arrival-correction", CorrectArrivalTimeDecider.Handle);
        return app;
    }
}
