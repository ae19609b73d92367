using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.Patients.Correcting;
using PatientFlow.Scheduling.Patients.Finding;
using PatientFlow.Scheduling.Patients.Registering;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Patients;

/// <summary>The patient's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class PatientRoutes
{
    public static IEndpointRouteBuilder MapPatientRoutes(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/scheduling/patients").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Patients");
        patients.Audited("patient");
        patients.MapPost("/", RegisterPatientDecider.Handle).RequireAuthorization(AccessPolicies.Registration);
        patients.MapPost("/search", PatientQueries.Find).RequireAuthorization(AccessPolicies.Demographics).AuditedAs(AuditAction.Search);
        patients.MapGet("/possible-duplicates", PatientQueries.PossibleDuplicates).RequireAuthorization(AccessPolicies.Registration);
        patients.MapGet("/display-names", PatientQueries.DisplayNamesOf).RequireAuthorization(AccessPolicies.PatientNames);

        patients.MapGet("/{patientId:guid}", PatientQueries.Get).RequireAuthorization(AccessPolicies.Demographics)
            .RequireClinicOf("patientId", PatientClinics.FindAsync, PatientSchedule.NotFound);
        var patient = patients.MapGroup("/{patientId:guid}").RequireClinicOf("patientId", PatientClinics.FindAsync, PatientSchedule.NotFound);
        patient.MapPost("/corrections", CorrectPatientDecider.Handle).RequireAuthorization(AccessPolicies.Registration);
        patient.MapGet("/appointments", PatientQueries.Appointments).RequireAuthorization(AccessPolicies.AppointmentView);
        return app;
    }
}
