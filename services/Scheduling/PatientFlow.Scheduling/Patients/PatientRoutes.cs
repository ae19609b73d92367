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
        patients.MapPost("/", RegisterPatientDecider.Handle);
        patients.MapPost("/search", PatientQueries.Find).AuditedAs(AuditAction.Search);
        patients.MapGet("/possible-duplicates", PatientQueries.PossibleDuplicates);
        patients.MapGet("/display-names", PatientQueries.DisplayNamesOf).RequireAuthorization(AccessPolicies.PatientNames);
        patients.MapGet("/{patientId:guid}", PatientQueries.Get);
        patients.MapPost("/{patientId:guid}/corrections", CorrectPatientDecider.Handle);
        patients.MapGet("/{patientId:guid}/appointments", PatientQueries.Appointments);
        return app;
    }
}
