using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Scheduling.AppointmentTypes.Defining;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.AppointmentTypes;

public static class AppointmentTypeEndpoints
{
    public static IEndpointRouteBuilder MapAppointmentTypeEndpoints(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/scheduling/appointment-types").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Appointment types");
        types.MapGet("/", ListTypes);
        types.MapGet("/{code}", GetAppointmentType);
        types.MapPut("/{code}", DefineType).RequireAuthorization(AccessPolicies.SchedulingSetup);
        return app;
    }

    /// <summary>Defines (or redefines) the type named in the route; the body's code must match it.</summary>
    private static async Task<Ok<AppointmentTypeDetails>> DefineType(
        string code, DefineAppointmentType command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var defined = DefineAppointmentTypeDecider.Decide(command with { Code = command.Code ?? code }, clock.GetUtcNow());
        if (!string.Equals(defined.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidFieldException("code", "must match the code in the path");
        }

        session.Events.Append(defined.AppointmentTypeId, defined);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(AppointmentTypeDetails.Create(defined));
    }

    private static async Task<Ok<IReadOnlyList<AppointmentTypeDetails>>> ListTypes(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<AppointmentTypeDetails>().OrderBy(t => t.Code).ToListAsync(ct));

    private static async Task<Ok<AppointmentTypeDetails>> GetAppointmentType(string code, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(session, code, "code", ct));

    /// <summary>The type a booking names; an unknown code is the client's mistake, named by <paramref name="field"/>.</summary>
    public static async Task<AppointmentTypeDetails> LoadAsync(IQuerySession session, string? code, string field, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? throw new InvalidFieldException(field, "is required")
        : await session.LoadAsync<AppointmentTypeDetails>(AppointmentTypeDetails.IdOf(code), ct)
            ?? throw new InvalidFieldException(field, $"'{code.Trim()}' is not a defined appointment type");
}
