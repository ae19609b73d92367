using JasperFx;

namespace PatientFlow.Scheduling.Patients;

public enum Sex
{
    Female,
    Male,
    Other,
    Unknown,
}

public sealed record PatientRegistered(
    Guid PatientId,
    string Mrn,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone,
    string? InsuranceMemberId,
    DateTimeOffset RegisteredAt);

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
    DateTimeOffset RegisteredAt)
{
    public static PatientDetails Create(PatientRegistered registered) => new(
        registered.PatientId, registered.Mrn, registered.FirstName, registered.LastName, registered.DateOfBirth,
        registered.Sex, registered.Phone, registered.InsuranceMemberId, registered.RegisteredAt);
}

/// <summary>Claims an MRN for one patient; its id is the normalised MRN.</summary>
public sealed record MrnRegistration(string Mrn, Guid PatientId);
