using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Patients.Registering;

public sealed record RegisterPatient(
    string Mrn,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone = null,
    string? InsuranceMemberId = null);

public static class RegisterPatientDecider
{
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>MRNs are compared without case or surrounding spaces.</summary>
    public static string NormaliseMrn(string mrn) => mrn.Trim().ToUpperInvariant();

    public static PatientRegistered Decide(Guid patientId, RegisterPatient command, DateTimeOffset now)
    {
        var mrn = Required("mrn", command.Mrn, 32);
        var firstName = Required("firstName", command.FirstName, 100);
        var lastName = Required("lastName", command.LastName, 100);
        if (command.DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new InvalidFieldException("dateOfBirth", "must not be in the future");
        }

        if (command.DateOfBirth < EarliestBirth)
        {
            throw new InvalidFieldException("dateOfBirth", "must be on or after 1900-01-01");
        }

        return new PatientRegistered(
            patientId, NormaliseMrn(mrn), firstName, lastName, command.DateOfBirth, command.Sex,
            Optional(command.Phone), Optional(command.InsuranceMemberId), now);
    }

    private static string Required(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new InvalidFieldException(field, "is required");
        }

        return trimmed.Length > maxLength
            ? throw new InvalidFieldException(field, $"must be at most {maxLength} characters")
            : trimmed;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
