using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Scheduling.Clinics.DeclaringHolidays;
using PatientFlow.Scheduling.Clinics.Registering;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Clinics;

public static class ClinicEndpoints
{
    public static IEndpointRouteBuilder MapClinicEndpoints(this IEndpointRouteBuilder app)
    {
        var clinics = app.MapGroup("/api/scheduling/clinics").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Clinics");
        clinics.MapGet("/", ListClinics);
        clinics.MapGet("/{code}", GetClinic);
        clinics.MapPost("/", RegisterClinic).RequireAuthorization(AccessPolicies.SchedulingSetup);
        clinics.MapPost("/{code}/holidays", DeclareHoliday).RequireAuthorization(AccessPolicies.SchedulingSetup);
        return app;
    }

    private static async Task<Created<ClinicDetails>> RegisterClinic(RegisterClinic command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var registered = RegisterClinicDecider.Decide(command, clock.GetUtcNow());
        if (await session.Events.FetchStreamStateAsync(registered.ClinicId, ct) is not null)
        {
            throw new ConflictException($"clinic {registered.Code} is already registered");
        }

        session.Events.StartStream<ClinicDetails>(registered.ClinicId, registered);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/clinics/{registered.Code}", ClinicDetails.Create(registered));
    }

    private static async Task<Ok<IReadOnlyList<ClinicDetails>>> ListClinics(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<ClinicDetails>().OrderBy(c => c.Code).ToListAsync(ct));

    private static async Task<Ok<ClinicDetails>> GetClinic(string code, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(session, code, ct));

    /// <summary>Closes the clinic for a day: every provider of the clinic loses that day's free slots in the same commit.</summary>
    private static async Task<Ok<HolidayResponse>> DeclareHoliday(
        string code, DeclareHoliday command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var clinicStream = await session.Events.FetchForWriting<ClinicDetails>(ClinicDetails.IdOf(code), ct);
        var clinic = clinicStream.Aggregate ?? throw NotFound(code);
        var providerIds = await session.Query<ProviderDetails>().Where(p => p.Clinic == clinic.Code).Select(p => p.ProviderId).ToListAsync(ct);
        var providerStreams = new List<JasperFx.Events.IEventStream<Provider>>();
        foreach (var id in providerIds.Order())
        {
            providerStreams.Add(await session.Events.FetchForWriting<Provider>(id, ct));
        }

        var (holiday, removed) = DeclareHolidayDecider.Decide(clinic, [.. providerStreams.Select(s => s.Aggregate!)], command, clock.GetUtcNow());
        clinicStream.AppendOne(holiday);
        foreach (var slots in removed)
        {
            providerStreams.Single(s => s.Id == slots.ProviderId).AppendOne(slots);
        }

        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(new HolidayResponse(clinic.Code, holiday.Date, holiday.Name, removed.Sum(r => r.SlotIds.Count)));
    }

    public static async Task<ClinicDetails> LoadAsync(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<ClinicDetails>(ClinicDetails.IdOf(code), ct) ?? throw NotFound(code);

    private static NotFoundException NotFound(string code) => new($"clinic {code} not found");

    public sealed record HolidayResponse(string Clinic, DateOnly Date, string Name, int SlotsRemoved);
}
