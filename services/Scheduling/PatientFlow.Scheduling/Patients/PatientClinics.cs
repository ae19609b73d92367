namespace PatientFlow.Scheduling.Patients;

/// <summary>
/// Where a patient may be looked up: the clinic that registered them and every clinic they have had an appointment at
/// (any status), as a hospital's registration desk expects. A patient registered before clinics were recorded is known
/// only through their appointments, and to callers with every clinic.
/// </summary>
public static class PatientClinics
{
    public static async Task<RecordClinic?> FindAsync(IQuerySession session, Guid patientId, CancellationToken ct)
    {
        var patient = await session.LoadAsync<PatientDetails>(patientId, ct);
        if (patient is null)
        {
            return null;
        }

        var booked = await session.Query<AppointmentDetails>().Where(a => a.PatientId == patientId).Select(a => a.Clinic).Distinct().ToListAsync(ct);
        return new RecordClinic([.. (patient.Clinic is { } registered ? booked.Prepend(registered) : booked).Distinct()], patientId);
    }

    /// <summary>Those of <paramref name="patients"/> the caller may see, in their order.</summary>
    public static async Task<IReadOnlyList<PatientDetails>> VisibleAsync(
        IQuerySession session, ClinicScope scope, IReadOnlyList<PatientDetails> patients, CancellationToken ct)
    {
        if (scope.HasAllClinics || patients.Count == 0)
        {
            return patients;
        }

        var ids = patients.Select(p => p.PatientId).ToArray();
        var clinics = scope.Clinics!.ToArray();
        var bookedHere = (await session.Query<AppointmentDetails>()
            .Where(a => a.PatientId.IsOneOf(ids) && a.Clinic.IsOneOf(clinics)).Select(a => a.PatientId).ToListAsync(ct)).ToHashSet();
        return [.. patients.Where(p => scope.Admits(p.Clinic) || bookedHere.Contains(p.PatientId))];
    }
}
