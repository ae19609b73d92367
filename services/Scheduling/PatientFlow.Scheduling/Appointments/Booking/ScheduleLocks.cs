using JasperFx.Events;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;

namespace PatientFlow.Scheduling.Appointments.Booking;

/// <summary>
/// The provider, patient and resource streams a booking touches, fetched for exclusive writing (a row
/// lock held until the commit). They are always locked in id order, whatever their kind, so two
/// bookings that share streams wait for each other instead of deadlocking. Appending through here
/// also moves the in-memory state on, so a move is decided on the schedule as its release leaves it.
/// </summary>
public sealed class ScheduleLocks
{
    private readonly Dictionary<Guid, (IEventStream<Provider> Stream, Provider State)> _providers = [];
    private readonly Dictionary<Guid, (IEventStream<PatientSchedule> Stream, PatientSchedule State)> _patients = [];
    private readonly Dictionary<Guid, (IEventStream<Resource> Stream, Resource State)> _resources = [];

    public static async Task<ScheduleLocks> AcquireAsync(
        IDocumentSession session, IEnumerable<Guid> providers, IEnumerable<Guid> patients, IEnumerable<Guid> resources, CancellationToken ct)
    {
        var locks = new ScheduleLocks();
        var wanted = providers.Distinct().Select(id => (Id: id, Kind: 0))
            .Concat(patients.Distinct().Select(id => (Id: id, Kind: 1)))
            .Concat(resources.Distinct().Select(id => (Id: id, Kind: 2)))
            .OrderBy(x => x.Id);
        foreach (var (id, kind) in wanted)
        {
            switch (kind)
            {
                case 0:
                    var provider = await session.Events.FetchForExclusiveWriting<Provider>(id, ct);
                    locks._providers[id] = (provider, provider.Aggregate ?? throw Providers.Provider.NotFound(id));
                    break;
                case 1:
                    var patient = await session.Events.FetchForExclusiveWriting<PatientSchedule>(id, ct);
                    locks._patients[id] = (patient, patient.Aggregate ?? throw PatientSchedule.NotFound(id));
                    break;
                default:
                    var resource = await session.Events.FetchForExclusiveWriting<Resource>(id, ct);
                    if (resource.Aggregate is { } state)
                    {
                        locks._resources[id] = (resource, state);
                    }

                    break;
            }
        }

        return locks;
    }

    public Provider Provider(Guid id) => _providers[id].State;

    public PatientSchedule Patient(Guid id) => _patients[id].State;

    public Resource? Resource(Guid? id) => id is { } key && _resources.TryGetValue(key, out var r) ? r.State : null;

    public IReadOnlyList<Resource> Resources(IEnumerable<Guid> ids) =>
        [.. ids.Where(_resources.ContainsKey).Select(id => _resources[id].State)];

    public void Append(Placement placement)
    {
        foreach (var booked in placement.SlotEvents)
        {
            Append(_providers, booked.ProviderId, booked, (p, e) => p.Apply(e));
        }

        Append(_patients, placement.Hold.PatientId, placement.Hold, (p, e) => p.Apply(e));
        foreach (var reserved in placement.Reservations)
        {
            Append(_resources, reserved.ResourceId, reserved, (r, e) => r.Apply(e));
        }
    }

    public void Append(PatientAppointmentHeld held) => Append(_patients, held.PatientId, held, (p, e) => p.Apply(e));

    public void Append(Release release)
    {
        foreach (var released in release.Slots.Where(s => _providers[s.ProviderId].State.BookingsOf(s.SlotId).Contains(s.AppointmentId)))
        {
            Append(_providers, released.ProviderId, released, (p, e) => p.Apply(e));
        }

        // Appointments booked before patients held their times have nothing to release on the patient.
        if (_patients[release.Patient.PatientId].State.Holds.ContainsKey(release.Patient.AppointmentId))
        {
            Append(_patients, release.Patient.PatientId, release.Patient, (p, e) => p.Apply(e));
        }

        foreach (var released in release.Resources.Where(r => _resources.ContainsKey(r.ResourceId)))
        {
            Append(_resources, released.ResourceId, released, (r, e) => r.Apply(e));
        }
    }

    public void Append<TEvent>(Guid providerId, TEvent @event, Func<Provider, TEvent, Provider> apply) where TEvent : notnull =>
        Append(_providers, providerId, @event, apply);

    private static void Append<TState, TEvent>(
        Dictionary<Guid, (IEventStream<TState> Stream, TState State)> streams, Guid id, TEvent @event, Func<TState, TEvent, TState> apply)
        where TState : class
        where TEvent : notnull
    {
        var (stream, state) = streams[id];
        stream.AppendOne(@event);
        streams[id] = (stream, apply(state, @event));
    }
}
