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
        appointments.MapPost("/", BookAppointmentDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        appointments.MapPost("/walk-ins", WalkInDecider.Handle).RequireAuthorization(AccessPolicies.Booking);

        // The read sits beside the group (a group's root would end in a slash), with the same clinic check.
        appointments.MapGet("/{appointmentId:guid}", AppointmentDetails.Get).RequireAuthorization(AccessPolicies.AppointmentView)
            .RequireClinicOf("appointmentId", RecordClinics.AppointmentAsync, Appointment.NotFound);
        var appointment = appointments.MapGroup("/{appointmentId:guid}").RequireClinicOf("appointmentId", RecordClinics.AppointmentAsync, Appointment.NotFound);
        appointment.MapPost("/reschedule", RescheduleAppointmentDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        appointment.MapPost("/cancellation", CancelAppointmentDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        appointment.MapPost("/check-in", CheckInDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        appointment.MapPost("/check-out", CheckOutDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        appointment.MapPost("/arrival-correction", CorrectArrivalTimeDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        return app;
    }
}
