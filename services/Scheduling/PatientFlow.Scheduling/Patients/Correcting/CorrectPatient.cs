using System.Globalization;
using PatientFlow.Scheduling.Patients.Registering;

namespace PatientFlow.Scheduling.Patients.Correcting;

/// <summary>Only the fields given change; an empty string clears an optional field. <see cref="Reason"/> is required.</summary>
public sealed record CorrectPatient(
    string? FirstName = null,
    string? LastName = null,
    DateOnly? DateOfBirth = null,
    Sex? Sex = null,
    string? Phone = null,
    string? Email = null,
    string? Address = null,
    string? InsuranceMemberId = null,
    string? InsurancePayer = null,
    string? Reason = null);

public static class CorrectPatientDecider
{
    /// <summary>POST /patients/{id}/corrections: corrects demographics; the previous values stay in <c>corrections</c>. Honours <c>If-Match</c>.</summary>
    public static Task<Ok<PatientDetails>> Handle(Guid patientId, CorrectPatient command, PatientCommands commands, IQuerySession session, CancellationToken ct) =>
        commands.DecideAsync(patientId, async (_, now) => [Decide(await PatientDetails.LoadAsync(session, patientId, ct), command, now)]);

    public static PatientDetailsCorrected Decide(PatientDetails patient, CorrectPatient command, DateTimeOffset now)
    {
        var reason = TextField.Required("reason", command.Reason, 200);
        var changes = new List<FieldChange>();
        void Change(string field, string? previous, string? current)
        {
            if (!string.Equals(previous, current, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, previous, current));
            }
        }

        if (command.FirstName is not null) Change("firstName", patient.FirstName, TextField.Required("firstName", command.FirstName));
        if (command.LastName is not null) Change("lastName", patient.LastName, TextField.Required("lastName", command.LastName));
        if (command.DateOfBirth is { } born)
        {
            RegisterPatientDecider.EnsureBirthDate(born, now);
            Change("dateOfBirth", Iso(patient.DateOfBirth), Iso(born));
        }

        if (command.Sex is { } sex) Change("sex", patient.Sex.ToString(), sex.ToString());
        if (command.Phone is not null) Change("phone", patient.Phone, TextField.Optional("phone", command.Phone, 32));
        if (command.Email is not null) Change("email", patient.Email, RegisterPatientDecider.Email(command.Email));
        if (command.Address is not null) Change("address", patient.Address, TextField.Optional("address", command.Address, 200));
        if (command.InsuranceMemberId is not null) Change("insuranceMemberId", patient.InsuranceMemberId, TextField.Optional("insuranceMemberId", command.InsuranceMemberId, 64));
        if (command.InsurancePayer is not null) Change("insurancePayer", patient.InsurancePayer, TextField.Optional("insurancePayer", command.InsurancePayer, 100));

        return changes.Count == 0
            ? throw new InvalidFieldException("body", "changes nothing: every given field already has that value")
            : new PatientDetailsCorrected(patient.PatientId, changes, reason, now);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
