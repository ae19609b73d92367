using JasperFx;

namespace PatientFlow.Scheduling.Patients;

public enum Sex
{
    Female,
    Male,
    Other,
    Unknown,
}

/// <param name="InsurancePayer">The payer of the insurance on file (billing verifies it); null for self-pay.</param>
/// <param name="Clinic">The clinic that registered the patient (see <see cref="PatientClinics"/>); null for registrations from before clinics were recorded.</param>
public sealed record PatientRegistered(
    Guid PatientId,
    string Mrn,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone,
    string? InsuranceMemberId,
    DateTimeOffset RegisteredAt,
    string? Email = null,
    string? Address = null,
    string? InsurancePayer = null,
    string? Clinic = null);

/// <summary>
/// Registered although another patient has the same name and birth date: both stay, flagged for a
/// person to review (merge or confirm distinct). <see cref="LikelyDuplicateOf"/> lists the others.
/// </summary>
public sealed record PossibleDuplicateFlagged(Guid PatientId, IReadOnlyList<Guid> LikelyDuplicateOf, DateTimeOffset FlaggedAt);

/// <summary>Demographics corrected; each change keeps the value it replaced, so the history is complete.</summary>
public sealed record PatientDetailsCorrected(Guid PatientId, IReadOnlyList<FieldChange> Changes, string Reason, DateTimeOffset CorrectedAt);

public sealed record FieldChange(string Field, string? Previous, string? Current);

/// <summary>The patient's registration as the front desk sees it (inline projection of the patient stream).</summary>
public sealed record PatientDetails(
    [property: Identity] Guid PatientId,
    string Mrn,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone,
    string? InsuranceMemberId,
    DateTimeOffset RegisteredAt,
    string? Email = null,
    string? Address = null,
    string? InsurancePayer = null,
    IReadOnlyList<Guid>? LikelyDuplicateOf = null,
    IReadOnlyList<PatientCorrection>? Corrections = null,
    string? Clinic = null)
{
    /// <summary>The registered patient; 404 when there is none.</summary>
    public static async Task<PatientDetails> LoadAsync(Marten.IQuerySession session, Guid patientId, CancellationToken ct) =>
        await session.LoadAsync<PatientDetails>(patientId, ct) ?? throw PatientSchedule.NotFound(patientId);

    public static PatientDetails Create(PatientRegistered registered) => new(
        registered.PatientId, registered.Mrn, registered.FirstName, registered.LastName, registered.DateOfBirth,
        registered.Sex, registered.Phone, registered.InsuranceMemberId, registered.RegisteredAt,
        registered.Email, registered.Address, registered.InsurancePayer, [], [], registered.Clinic);

    public PatientDetails Apply(PossibleDuplicateFlagged flagged) => this with { LikelyDuplicateOf = flagged.LikelyDuplicateOf };

    public PatientDetails Apply(PatientDetailsCorrected corrected) => corrected.Changes.Aggregate(this, (details, change) => details.With(change)) with
    {
        Corrections = [.. Corrections ?? [], new PatientCorrection(corrected.Changes, corrected.Reason, corrected.CorrectedAt)],
    };

    public bool FlaggedAsPossibleDuplicate => LikelyDuplicateOf is { Count: > 0 };

    /// <summary>The key two registrations of one person share: name and birth date, without case or spacing.</summary>
    public static string IdentityKeyOf(string firstName, string lastName, DateOnly dateOfBirth) =>
        $"{Normalise(lastName)}|{Normalise(firstName)}|{dateOfBirth:yyyy-MM-dd}";

    private static string Normalise(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private PatientDetails With(FieldChange change) => change.Field switch
    {
        "firstName" => this with { FirstName = change.Current! },
        "lastName" => this with { LastName = change.Current! },
        "dateOfBirth" => this with { DateOfBirth = DateOnly.Parse(change.Current!, System.Globalization.CultureInfo.InvariantCulture) },
        "sex" => this with { Sex = Enum.Parse<Sex>(change.Current!, ignoreCase: true) },
        "phone" => this with { Phone = change.Current },
        "email" => this with { Email = change.Current },
        "address" => this with { Address = change.Current },
        "insuranceMemberId" => this with { InsuranceMemberId = change.Current },
        "insurancePayer" => this with { InsurancePayer = change.Current },
        _ => this,
    };
}

public sealed record PatientCorrection(IReadOnlyList<FieldChange> Changes, string Reason, DateTimeOffset RecordedAt);

/// <summary>Claims an MRN for one patient; its id is the normalised MRN.</summary>
public sealed record MrnRegistration(string Mrn, Guid PatientId);

/// <summary>
/// The first patient registered under a name and birth date (id: <see cref="PatientDetails.IdentityKeyOf"/>).
/// Inserted with the registration, so two racing registrations of one person cannot both pass unflagged.
/// </summary>
public sealed record IdentityRegistration(string Key, Guid PatientId);
