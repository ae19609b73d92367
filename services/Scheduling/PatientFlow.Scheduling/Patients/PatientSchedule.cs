using System.Collections.Immutable;

namespace PatientFlow.Scheduling.Patients;

// The patient's stream also holds their booked times, so a booking locks the patient as well as the
// provider: two clerks booking one patient with two providers at once cannot both succeed.

public sealed record PatientAppointmentHeld(Guid PatientId, Guid AppointmentId, Guid ProviderId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record PatientAppointmentReleased(Guid PatientId, Guid AppointmentId, DateTimeOffset ReleasedAt);

public sealed record PatientHold(Guid AppointmentId, Guid ProviderId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>The appointments a patient holds: what a booking checks the patient against.</summary>
public sealed record PatientSchedule(Guid Id, ImmutableDictionary<Guid, PatientHold> Holds) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"patient {streamId} not found");


    public static PatientSchedule Create(PatientRegistered registered) => new(registered.PatientId, ImmutableDictionary<Guid, PatientHold>.Empty);

    public PatientSchedule Apply(PatientAppointmentHeld held) =>
        this with { Holds = Holds.SetItem(held.AppointmentId, new PatientHold(held.AppointmentId, held.ProviderId, held.StartsAt, held.EndsAt)) };

    public PatientSchedule Apply(PatientAppointmentReleased released) => this with { Holds = Holds.Remove(released.AppointmentId) };

    /// <summary>409 naming the appointment (and its provider) the patient already holds over this time.</summary>
    public void EnsureFree(DateTimeOffset startsAt, DateTimeOffset endsAt, Guid appointmentId)
    {
        var clash = Holds.Values.FirstOrDefault(h => h.AppointmentId != appointmentId && h.StartsAt < endsAt && startsAt < h.EndsAt);
        if (clash is not null)
        {
            throw new ConflictException(
                $"patient {Id} already has appointment {clash.AppointmentId} with provider {clash.ProviderId} from {clash.StartsAt:O} to {clash.EndsAt:O}",
                "patient", clash.AppointmentId);
        }
    }
}
