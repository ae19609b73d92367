namespace PatientFlow.Scheduling.Patients.Registering;

/// <param name="Clinic">The clinic registering the patient, one of the clerk's: required (422 naming it when missing).</param>
/// <param name="NotDuplicateOf">
/// The patients a previous attempt was refused as a likely duplicate of, once the clerk has checked
/// they are different people: the registration then goes ahead, flagged for review.
/// </param>
public sealed record RegisterPatient(
    string Mrn,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone = null,
    string? InsuranceMemberId = null,
    string? Email = null,
    string? Address = null,
    string? InsurancePayer = null,
    IReadOnlyList<Guid>? NotDuplicateOf = null,
    string? Clinic = null);

public static class RegisterPatientDecider
{
    /// <summary>
    /// POST /patients: registers a patient. Someone already registered with the same name and birth date is a likely duplicate:
    /// 409 (<c>conflict: possible-duplicate</c>) listing them, unless <c>notDuplicateOf</c> names each one; then the
    /// new record is created flagged for review.
    /// </summary>
    public static async Task<Created<PatientDetails>> Handle(
        RegisterPatient command, PatientCommands commands, IDocumentSession session, ClinicScope scope, CancellationToken ct)
    {
        var patientId = Guid.CreateVersion7();
        var registered = Validate(patientId, command, commands.Now);
        scope.EnsureAdmits(registered.Clinic!);
        if (await session.LoadAsync<MrnRegistration>(registered.Mrn, ct) is not null)
        {
            throw new ConflictException("a patient with this MRN is already registered");
        }

        var key = PatientDetails.IdentityKeyOf(registered.FirstName, registered.LastName, registered.DateOfBirth);
        var sameBirthDate = await session.Query<PatientDetails>().Where(p => p.DateOfBirth == registered.DateOfBirth).ToListAsync(ct);
        var likely = sameBirthDate.Where(p => PatientDetails.IdentityKeyOf(p.FirstName, p.LastName, p.DateOfBirth) == key).Select(p => p.PatientId).ToList();
        var events = Decide(patientId, command, likely, commands.Now);

        // Inserted with the stream: a racing registration of the same MRN, or of the same person, fails the whole commit.
        session.Insert(new MrnRegistration(registered.Mrn, patientId));
        if (likely.Count == 0)
        {
            session.Insert(new IdentityRegistration(key, patientId));
        }

        return await commands.StartAsync(patientId, $"/api/scheduling/patients/{patientId}", events);
    }

    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>MRNs are compared without case or surrounding spaces.</summary>
    public static string NormaliseMrn(string mrn) => mrn.Trim().ToUpperInvariant();

    /// <summary>
    /// Registers the patient. When <paramref name="sameNameAndBirth"/> is not empty the person is likely
    /// registered already: refused (409 listing them) unless the clerk confirmed every one is someone
    /// else, and then registered with a <see cref="PossibleDuplicateFlagged"/> for review.
    /// </summary>
    public static IReadOnlyList<object> Decide(Guid patientId, RegisterPatient command, IReadOnlyList<Guid> sameNameAndBirth, DateTimeOffset now)
    {
        var registered = Validate(patientId, command, now);
        if (sameNameAndBirth.Count == 0)
        {
            return [registered];
        }

        var unconfirmed = sameNameAndBirth.Except(command.NotDuplicateOf ?? []).ToList();
        if (unconfirmed.Count > 0)
        {
            throw new ConflictException(
                $"likely duplicate of patient {string.Join(", ", unconfirmed)} (same name and date of birth); "
                + "check, then register again listing them in notDuplicateOf", "possible-duplicate", unconfirmed[0]);
        }

        return [registered, new PossibleDuplicateFlagged(patientId, [.. sameNameAndBirth], now)];
    }

    public static PatientRegistered Validate(Guid patientId, RegisterPatient command, DateTimeOffset now)
    {
        var mrn = TextField.Required("mrn", command.Mrn, 32);
        var firstName = TextField.Required("firstName", command.FirstName);
        var lastName = TextField.Required("lastName", command.LastName);
        var clinic = TextField.Code("clinic", command.Clinic);
        EnsureBirthDate(command.DateOfBirth, now);
        return new PatientRegistered(
            patientId, NormaliseMrn(mrn), firstName, lastName, command.DateOfBirth, command.Sex,
            TextField.Optional("phone", command.Phone, 32), TextField.Optional("insuranceMemberId", command.InsuranceMemberId, 64), now,
            Email(command.Email), TextField.Optional("address", command.Address, 200), TextField.Optional("insurancePayer", command.InsurancePayer, 100), clinic);
    }

    public static void EnsureBirthDate(DateOnly dateOfBirth, DateTimeOffset now)
    {
        if (dateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new InvalidFieldException("dateOfBirth", "must not be in the future");
        }

        if (dateOfBirth < EarliestBirth)
        {
            throw new InvalidFieldException("dateOfBirth", "must be on or after 1900-01-01");
        }
    }

    public static string? Email(string? value)
    {
        var email = TextField.Optional("email", value, 254);
        return email is null || (email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Contains(' '))
            ? email
            : throw new InvalidFieldException("email", "is not an email address");
    }
}
