using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.AppointmentTypes.Defining;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.AppointmentTypes;

/// <summary>The appointment types' routes: one line a slice; the two reads are here, each one line.</summary>
public static class AppointmentTypeRoutes
{
    public static IEndpointRouteBuilder MapAppointmentTypeRoutes(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/scheduling/appointment-types").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Appointment types");
        types.HoldsNoPhi();
        // The organisation's catalogue of visit types, the same in every clinic.
        types.MapGet("/", List).RequireAuthorization(AccessPolicies.ScheduleView);
        types.MapGet("/{code}", Get).RequireAuthorization(AccessPolicies.ScheduleView);
        types.MapPut("/{code}", DefineAppointmentTypeDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AppointmentTypeDetails>>> List(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<AppointmentTypeDetails>().OrderBy(t => t.Code).ToListAsync(ct));

    private static async Task<Ok<AppointmentTypeDetails>> Get(string code, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await AppointmentTypeDetails.LoadAsync(session, code, "code", ct));
}
