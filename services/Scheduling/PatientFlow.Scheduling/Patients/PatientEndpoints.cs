using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Patients.Correcting;
using PatientFlow.Scheduling.Patients.Registering;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Patients;

public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/scheduling/patients").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Patients");
        patients.MapPost("/", RegisterPatient);
        patients.MapGet("/", FindPatients);
        patients.MapGet("/possible-duplicates", PossibleDuplicates);
        patients.MapGet("/display-names", DisplayNames).RequireAuthorization(AccessPolicies.PatientNames);
        patients.MapGet("/{patientId:guid}", GetPatient);
        patients.MapPost("/{patientId:guid}/corrections", CorrectPatient);
        patients.MapGet("/{patientId:guid}/appointments", GetAppointments);
        return app;
    }

    /// <summary>
    /// Registers a patient. Someone already registered with the same name and birth date is a likely duplicate:
    /// 409 (<c>conflict: possible-duplicate</c>) listing them, unless <c>notDuplicateOf</c> names each one; then the
    /// new record is created flagged for review.
    /// </summary>
    private static async Task<Created<PatientDetails>> RegisterPatient(
        RegisterPatient command, IDocumentSession session, TimeProvider clock, ILogger<PatientDetails> logger, CancellationToken ct)
    {
        var patientId = Guid.CreateVersion7();
        var registered = RegisterPatientDecider.Validate(patientId, command, clock.GetUtcNow());
        if (await session.LoadAsync<MrnRegistration>(registered.Mrn, ct) is not null)
        {
            throw new ConflictException("a patient with this MRN is already registered");
        }

        var key = PatientDetails.IdentityKeyOf(registered.FirstName, registered.LastName, registered.DateOfBirth);
        var sameBirthDate = await session.Query<PatientDetails>().Where(p => p.DateOfBirth == registered.DateOfBirth).ToListAsync(ct);
        var likely = sameBirthDate.Where(p => PatientDetails.IdentityKeyOf(p.FirstName, p.LastName, p.DateOfBirth) == key).Select(p => p.PatientId).ToList();
        var events = RegisterPatientDecider.Decide(patientId, command, likely, clock.GetUtcNow());

        // Inserted with the stream: a racing registration of the same MRN, or of the same person, fails the whole commit.
        session.Insert(new MrnRegistration(registered.Mrn, patientId));
        if (likely.Count == 0)
        {
            session.Insert(new IdentityRegistration(key, patientId));
        }

        session.Events.StartStream<PatientDetails>(patientId, events);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Patient {PatientId} registered{Flag}", patientId, likely.Count > 0 ? " (flagged as a possible duplicate)" : "");
        return TypedResults.Created($"/api/scheduling/patients/{patientId}", await session.LoadAsync<PatientDetails>(patientId, ct));
    }

    /// <summary>Corrects demographics; the previous values stay in <c>corrections</c>. Honours <c>If-Match</c>.</summary>
    private static async Task<Ok<PatientDetails>> CorrectPatient(
        Guid patientId, CorrectPatient command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<PatientDetails> logger, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<PatientSchedule>(patientId, http, ct);
        _ = stream.Aggregate ?? throw NotFound(patientId);
        var patient = await session.LoadAsync<PatientDetails>(patientId, ct) ?? throw NotFound(patientId);
        var corrected = CorrectPatientDecider.Decide(patient, command, clock.GetUtcNow());
        stream.AppendOne(corrected);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Patient {PatientId} corrected: {Fields}", patientId, corrected.Changes.Select(c => c.Field));
        return TypedResults.Ok(await session.LoadAsync<PatientDetails>(patientId, ct) ?? throw NotFound(patientId));
    }

    private static async Task<Ok<PatientDetails>> GetPatient(Guid patientId, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadWithETagAsync<PatientDetails>(patientId, http, ct) ?? throw NotFound(patientId));

    /// <summary>Most patients one display-names request may name: a board asks for those it shows.</summary>
    public const int MostDisplayNames = 200;

    /// <summary>
    /// <c>?ids=a,b,…</c>: the short name a flow board shows for each patient (first name, last initial), for the
    /// roles that may see names. Unknown ids are left out.
    /// </summary>
    private static async Task<Ok<DisplayNames>> DisplayNames(string? ids, IQuerySession session, CancellationToken ct)
    {
        var parts = (ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Length > MostDisplayNames)
        {
            throw new InvalidFieldException("ids", $"must list 1 to {MostDisplayNames} patient ids, comma-separated");
        }

        var wanted = parts.Select(part => Guid.TryParse(part, out var id) ? id : throw new InvalidFieldException("ids", $"'{part}' is not a patient id")).Distinct().ToArray();
        var patients = await session.LoadManyAsync<PatientDetails>(ct, wanted);
        return TypedResults.Ok(new DisplayNames(patients.ToDictionary(p => p.PatientId, p => ShortName(p.FirstName, p.LastName))));
    }

    /// <summary>"Ada E.": enough for staff to call the patient, little for a passer-by reading the wall screen.</summary>
    public static string ShortName(string firstName, string lastName) =>
        lastName.Length == 0 ? firstName : $"{firstName} {char.ToUpperInvariant(lastName[0])}.";

    /// <summary>Finds patients by MRN, or by last name and birth date.</summary>
    private static async Task<Ok<IReadOnlyList<PatientDetails>>> FindPatients(
        string? mrn, string? lastName, DateOnly? dateOfBirth, IQuerySession session, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(mrn))
        {
            var registration = await session.LoadAsync<MrnRegistration>(RegisterPatientDecider.NormaliseMrn(mrn), ct);
            var found = registration is null ? null : await session.LoadAsync<PatientDetails>(registration.PatientId, ct);
            return TypedResults.Ok<IReadOnlyList<PatientDetails>>(found is null ? [] : [found]);
        }

        if (string.IsNullOrWhiteSpace(lastName) || dateOfBirth is not { } born)
        {
            throw new InvalidFieldException("mrn", "search by mrn, or by lastName and dateOfBirth");
        }

        var candidates = await session.Query<PatientDetails>().Where(p => p.DateOfBirth == born).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<PatientDetails>>([.. candidates.Where(p => string.Equals(p.LastName, lastName.Trim(), StringComparison.OrdinalIgnoreCase))]);
    }

    /// <summary>Patients registered despite a likely duplicate, for a person to merge or confirm.</summary>
    private static async Task<Ok<IReadOnlyList<PatientDetails>>> PossibleDuplicates(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<PatientDetails>>([.. (await session.Query<PatientDetails>().OrderBy(p => p.RegisteredAt).ToListAsync(ct))
            .Where(p => p.FlaggedAsPossibleDuplicate)]);

    /// <summary>The patient's appointments (every status), earliest first.</summary>
    private static async Task<Ok<IReadOnlyList<AppointmentDetails>>> GetAppointments(Guid patientId, IQuerySession session, CancellationToken ct)
    {
        _ = await session.LoadAsync<PatientDetails>(patientId, ct) ?? throw NotFound(patientId);
        return TypedResults.Ok(await session.Query<AppointmentDetails>().Where(a => a.PatientId == patientId).OrderBy(a => a.StartsAt).ToListAsync(ct));
    }

    private static NotFoundException NotFound(Guid patientId) => new($"patient {patientId} not found");
}

/// <summary>Short names by patient id.</summary>
public sealed record DisplayNames(IReadOnlyDictionary<Guid, string> Names);
