using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.Clinics.DeclaringHolidays;
using PatientFlow.Scheduling.Clinics.Registering;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Clinics;

/// <summary>The clinic's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class ClinicRoutes
{
    public static IEndpointRouteBuilder MapClinicRoutes(this IEndpointRouteBuilder app)
    {
        var clinics = app.MapGroup("/api/scheduling/clinics").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Clinics");
        clinics.HoldsNoPhi();
        clinics.MapGet("/", List).RequireAuthorization(AccessPolicies.ScheduleView);
        clinics.MapPost("/", RegisterClinicDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup);

        clinics.MapGet("/{code}", Get).RequireAuthorization(AccessPolicies.ScheduleView).RequireClinicOf("code", RecordClinics.ClinicAsync, UnknownClinic);
        clinics.MapPost("/{code}/holidays", DeclareHolidayDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup).RequireClinicOf("code", RecordClinics.ClinicAsync, UnknownClinic);
        return app;
    }

    private static NotFoundException UnknownClinic(string code) => new($"clinic {code} not found");

    /// <summary>The caller's clinics.</summary>
    private static async Task<Ok<IReadOnlyList<ClinicDetails>>> List(IQuerySession session, ClinicScope scope, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<ClinicDetails>().Within(scope, c => c.Code).OrderBy(c => c.Code).ToListAsync(ct));

    private static async Task<Ok<ClinicDetails>> Get(string code, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await ClinicDetails.LoadAsync(session, code, ct));
}
