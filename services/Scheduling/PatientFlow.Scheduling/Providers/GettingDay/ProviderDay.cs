using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Clinics;

namespace PatientFlow.Scheduling.Providers.GettingDay;

/// <summary>A provider's clinic day: every slot and every appointment (walk-ins included), in time order.</summary>
public sealed record ProviderDay(
    Guid ProviderId, string Name, string Clinic, DateOnly Date, IReadOnlyList<TimeBlock> Blocks, IReadOnlyList<SlotDetails> Slots, IReadOnlyList<DayAppointment> Appointments)
{
    /// <summary>GET /providers/{id}/days/{date}: the provider's slots and appointments on one day of their clinic's calendar (<c>yyyy-MM-dd</c>).</summary>
    public static async Task<Ok<ProviderDay>> Get(Guid providerId, DateOnly date, IQuerySession session, CancellationToken ct)
    {
        var provider = await ProviderDetails.LoadAsync(session, providerId, ct);
        var clinic = await ClinicDetails.LoadAsync(session, provider.Clinic, ct);
        var (from, to) = (clinic.At(date, TimeOnly.MinValue), clinic.At(date.AddDays(1), TimeOnly.MinValue));
        var appointments = await session.Query<AppointmentDetails>()
            .Where(a => a.ProviderId == providerId && a.StartsAt >= from && a.StartsAt < to)
            .OrderBy(a => a.StartsAt).ToListAsync(ct);
        return TypedResults.Ok(new ProviderDay(
            providerId, provider.Name, provider.Clinic, date,
            [.. (provider.Blocks ?? []).Where(b => b.StartsAt < to && from < b.EndsAt)],
            [.. provider.Slots.Where(s => s.StartsAt >= from && s.StartsAt < to)],
            [.. appointments.Select(DayAppointment.Of)]));
    }
}

/// <summary>One appointment on the day list: ids only, the front desk opens the patient for names.</summary>
public sealed record DayAppointment(
    Guid AppointmentId, Guid PatientId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string VisitType, AppointmentStatus Status, string? Room, bool Late, bool Overbooked, string BookedVia)
{
    public static DayAppointment Of(AppointmentDetails a) =>
        new(a.AppointmentId, a.PatientId, a.StartsAt, a.EndsAt, a.VisitType, a.Status, a.Room, a.MinutesLate is > 0, a.Overbooked, a.BookedVia);
}
