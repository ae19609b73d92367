using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Scheduling.Patients.Registering;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Patients;

public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/scheduling/patients").RequireAuthorization(AccessPolicies.Scheduling);
        patients.MapPost("/", RegisterPatient);
        patients.MapGet("/{patientId:guid}", GetPatient);
        return app;
    }

    private static async Task<Created<PatientDetails>> RegisterPatient(
        RegisterPatient command, IDocumentSession session, TimeProvider clock, ILogger<PatientDetails> logger, CancellationToken ct)
    {
        var registered = RegisterPatientDecider.Decide(Guid.CreateVersion7(), command, clock.GetUtcNow());
        if (await session.LoadAsync<MrnRegistration>(registered.Mrn, ct) is not null)
        {
            throw new ConflictException("a patient with this MRN is already registered");
        }

        // Inserted with the stream: a racing registration of the same MRN fails the whole commit.
        session.Insert(new MrnRegistration(registered.Mrn, registered.PatientId));
        session.Events.StartStream<PatientDetails>(registered.PatientId, registered);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Patient {PatientId} registered", registered.PatientId);
        var details = PatientDetails.Create(registered);
        return TypedResults.Created($"/api/scheduling/patients/{details.PatientId}", details);
    }

    private static async Task<Ok<PatientDetails>> GetPatient(Guid patientId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<PatientDetails>(patientId, ct)
            ?? throw new NotFoundException($"patient {patientId} not found"));
}
