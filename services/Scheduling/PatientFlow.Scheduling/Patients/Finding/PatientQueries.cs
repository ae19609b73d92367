using PatientFlow.Scheduling.Patients.Registering;

namespace PatientFlow.Scheduling.Patients.Finding;

/// <summary>What a patient search asks: an MRN, or a last name with a birth date. Sent in the body, never in the URL.</summary>
public sealed record PatientSearch(string? Mrn = null, string? LastName = null, DateOnly? DateOfBirth = null);

/// <summary>Short names by patient id.</summary>
public sealed record DisplayNames(IReadOnlyDictionary<Guid, string> Names);

/// <summary>Reads of patients, from the <see cref="PatientDetails"/> read model.</summary>
public static class PatientQueries
{
    /// <summary>Most patients one display-names request may name: a board asks for those it shows.</summary>
    public const int MostDisplayNames = 200;

    /// <summary>GET /patients/{id}, with the stream version as ETag.</summary>
    public static async Task<Ok<PatientDetails>> Get(Guid patientId, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadWithETagAsync<PatientDetails>(patientId, http, ct) ?? throw PatientSchedule.NotFound(patientId));

    /// <summary>
    /// GET /patients/display-names?ids=a,b,…: the short name a flow board shows for each patient (first name, last initial), for the
    /// roles that may see names. Unknown ids are left out.
    /// </summary>
    public static async Task<Ok<DisplayNames>> DisplayNamesOf(string? ids, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var parts = (ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Length > MostDisplayNames)
        {
            throw new InvalidFieldException("ids", $"must list 1 to {MostDisplayNames} patient ids, comma-separated");
        }

        var wanted = parts.Select(part => Guid.TryParse(part, out var id) ? id : throw new InvalidFieldException("ids", $"'{part}' is not a patient id")).Distinct().ToArray();
        var patients = await PatientClinics.VisibleAsync(session, scope, await session.LoadManyAsync<PatientDetails>(ct, wanted), ct);
        return TypedResults.Ok(new DisplayNames(patients.ToDictionary(p => p.PatientId, p => ShortName(p.FirstName, p.LastName))));
    }

    /// <summary>"Ada E.": enough for staff to call the patient, little for a passer-by reading the wall screen.</summary>
    public static string ShortName(string firstName, string lastName) =>
        lastName.Length == 0 ? firstName : $"{firstName} {char.ToUpperInvariant(lastName[0])}.";

    /// <summary>
    /// POST /patients/search: finds patients by MRN, or by last name and birth date. A search names a patient, so it is a
    /// POST with a body: URLs end up in proxy logs, browser history and traces.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<PatientDetails>>> Find(PatientSearch search, IQuerySession session, ClinicScope scope, CancellationToken ct) =>
        TypedResults.Ok(await PatientClinics.VisibleAsync(session, scope, await FindAsync(search, session, ct), ct));

    private static async Task<IReadOnlyList<PatientDetails>> FindAsync(PatientSearch search, IQuerySession session, CancellationToken ct)
    {
        var (mrn, lastName, dateOfBirth) = search;
        if (!string.IsNullOrWhiteSpace(mrn))
        {
            var registration = await session.LoadAsync<MrnRegistration>(RegisterPatientDecider.NormaliseMrn(mrn), ct);
            var found = registration is null ? null : await session.LoadAsync<PatientDetails>(registration.PatientId, ct);
            return found is null ? [] : [found];
        }

        if (string.IsNullOrWhiteSpace(lastName) || dateOfBirth is not { } born)
        {
            throw new InvalidFieldException("mrn", "search by mrn, or by lastName and dateOfBirth");
        }

        var candidates = await session.Query<PatientDetails>().Where(p => p.DateOfBirth == born).ToListAsync(ct);
        return [.. candidates.Where(p => string.Equals(p.LastName, lastName.Trim(), StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>GET /patients/possible-duplicates: patients registered despite a likely duplicate, for a person to merge or confirm.</summary>
    public static async Task<Ok<IReadOnlyList<PatientDetails>>> PossibleDuplicates(IQuerySession session, ClinicScope scope, CancellationToken ct) =>
        TypedResults.Ok(await PatientClinics.VisibleAsync(session, scope, [.. (await session.Query<PatientDetails>().OrderBy(p => p.RegisteredAt).ToListAsync(ct))
            .Where(p => p.FlaggedAsPossibleDuplicate)], ct));

    /// <summary>GET /patients/{id}/appointments: the patient's appointments in the caller's clinics (every status), earliest first.</summary>
    public static async Task<Ok<IReadOnlyList<AppointmentDetails>>> Appointments(Guid patientId, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        await PatientDetails.LoadAsync(session, patientId, ct);
        return TypedResults.Ok(await session.Query<AppointmentDetails>().Where(a => a.PatientId == patientId)
            .Within(scope, a => a.Clinic).OrderBy(a => a.StartsAt).ToListAsync(ct));
    }
}
