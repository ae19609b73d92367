using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;
using PatientFlow.Scheduling.Waitlist;

namespace PatientFlow.Scheduling;

/// <summary>The clinic each of scheduling's records belongs to, for the clinic check of the routes that name one (null: no such record).</summary>
public static class RecordClinics
{
    public static async Task<RecordClinic?> AppointmentAsync(IQuerySession session, Guid appointmentId, CancellationToken ct) =>
        await session.LoadAsync<AppointmentDetails>(appointmentId, ct) is { } appointment ? RecordClinic.In(appointment.Clinic, appointment.PatientId) : null;

    public static async Task<RecordClinic?> ProviderAsync(IQuerySession session, Guid providerId, CancellationToken ct) =>
        await session.LoadAsync<ProviderDetails>(providerId, ct) is { } provider ? RecordClinic.In(provider.Clinic) : null;

    public static async Task<RecordClinic?> ResourceAsync(IQuerySession session, Guid resourceId, CancellationToken ct) =>
        await session.LoadAsync<ResourceDetails>(resourceId, ct) is { } resource ? RecordClinic.In(resource.Clinic) : null;

    public static async Task<RecordClinic?> ClinicAsync(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<ClinicDetails>(ClinicDetails.IdOf(code.Trim().ToLowerInvariant()), ct) is { } clinic ? RecordClinic.In(clinic.Code) : null;

    /// <summary>A waitlist entry is where it waits: its clinic, its provider's, or (a specialty anywhere) wherever its patient may be seen.</summary>
    public static async Task<RecordClinic?> WaitlistEntryAsync(IQuerySession session, Guid entryId, CancellationToken ct)
    {
        var entry = await session.LoadAsync<WaitlistEntryDetails>(entryId, ct);
        if (entry is null)
        {
            return null;
        }

        if (entry.Clinic is { } clinic)
        {
            return RecordClinic.In(clinic, entry.PatientId);
        }

        if (entry.ProviderId is { } providerId && await session.LoadAsync<ProviderDetails>(providerId, ct) is { } provider)
        {
            return RecordClinic.In(provider.Clinic, entry.PatientId);
        }

        return await PatientClinics.FindAsync(session, entry.PatientId, ct) ?? new RecordClinic([], entry.PatientId);
    }
}
