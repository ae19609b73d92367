namespace PatientFlow.Simulator.Planning;

/// <summary>
/// Works out when each stage of a clinic's visits happens, as a discrete-event model of its staff: a patient is
/// roomed when a medical assistant and a clean room are free (first come, first roomed), the assistant takes vitals
/// and is free again, the patient's provider sees them when free, the room is cleaned after the provider is done,
/// and a check-out clerk takes the patient when free. Pure: the same visits give the same times.
/// </summary>
public sealed class ClinicFlow
{
    private readonly PriorityQueue<Action, (DateTimeOffset At, long Order)> events = new();
    private readonly Dictionary<int, Stamp> stamps = [];
    private readonly Queue<PlannedVisit> waitingForRoom = new();
    private readonly Dictionary<string, Queue<PlannedVisit>> waitingForProvider;
    private readonly HashSet<string> busyProviders = [];
    private readonly Queue<PlannedVisit> waitingToCheckOut = new();
    private readonly SortedSet<int> freeRooms;
    private int freeAssistants;
    private int freeDesks;
    private long order;
    private DateTimeOffset now;

    private ClinicFlow(ClinicPlan clinic)
    {
        freeAssistants = clinic.Staff.MedicalAssistants;
        freeDesks = clinic.Staff.CheckOutDesks;
        freeRooms = [.. Enumerable.Range(0, clinic.Rooms.Count)];
        waitingForProvider = clinic.Providers.ToDictionary(p => p.Key, _ => new Queue<PlannedVisit>());
    }

    /// <summary>The stage times of every visit that arrives, by visit number.</summary>
    public static IReadOnlyDictionary<int, VisitTimes> Run(ClinicPlan clinic, IEnumerable<PlannedVisit> visits)
    {
        var flow = new ClinicFlow(clinic);
        foreach (var visit in visits.Where(v => v.Clinic == clinic.Code && v.ArrivesAt is not null).OrderBy(v => v.ArrivesAt).ThenBy(v => v.Number))
        {
            flow.At(visit.ArrivesAt!.Value, () => flow.Arrive(visit));
        }

        while (flow.events.TryDequeue(out var happen, out var when))
        {
            flow.now = when.At;
            happen();
        }

        return flow.stamps.ToDictionary(s => s.Key, s => s.Value.ToTimes(clinic));
    }

    private void At(DateTimeOffset at, Action happen) => events.Enqueue(happen, (at, order++));

    private void Arrive(PlannedVisit visit)
    {
        waitingForRoom.Enqueue(visit);
        RoomNext();
    }

    private void RoomNext()
    {
        while (freeAssistants > 0 && freeRooms.Count > 0 && waitingForRoom.TryDequeue(out var visit))
        {
            freeAssistants--;
            var room = freeRooms.Min;
            freeRooms.Remove(room);
            var stamp = stamps[visit.Number] = new Stamp { Room = room, RoomedAt = now };
            At(now + visit.Care.Intake, () =>
            {
                stamp.VitalsAt = now;
                freeAssistants++;
                RoomNext();
                waitingForProvider[visit.Provider].Enqueue(visit);
                SeeNext(visit.Provider);
            });
        }
    }

    private void SeeNext(string provider)
    {
        if (busyProviders.Contains(provider) || !waitingForProvider[provider].TryDequeue(out var visit))
        {
            return;
        }

        busyProviders.Add(provider);
        var stamp = stamps[visit.Number];
        stamp.ProviderStartAt = now;
        At(now + visit.Care.Provider, () =>
        {
            stamp.ProviderDoneAt = now;
            busyProviders.Remove(provider);
            SeeNext(provider);
            At(now + visit.Care.Cleaning, () =>
            {
                stamp.RoomCleanedAt = now;
                freeRooms.Add(stamp.Room);
                RoomNext();
            });
            waitingToCheckOut.Enqueue(visit);
            CheckOutNext();
        });
    }

    private void CheckOutNext()
    {
        while (freeDesks > 0 && waitingToCheckOut.TryDequeue(out var visit))
        {
            freeDesks--;
            var stamp = stamps[visit.Number];
            stamp.CheckOutStartAt = now;
            At(now + visit.Care.CheckOut, () =>
            {
                stamp.CheckedOutAt = now;
                freeDesks++;
                CheckOutNext();
            });
        }
    }

    private sealed class Stamp
    {
        public int Room { get; init; }

        public DateTimeOffset RoomedAt { get; init; }

        public DateTimeOffset VitalsAt { get; set; }

        public DateTimeOffset ProviderStartAt { get; set; }

        public DateTimeOffset ProviderDoneAt { get; set; }

        public DateTimeOffset RoomCleanedAt { get; set; }

        public DateTimeOffset CheckOutStartAt { get; set; }

        public DateTimeOffset CheckedOutAt { get; set; }

        public VisitTimes ToTimes(ClinicPlan clinic) =>
            new(RoomedAt, clinic.Rooms[Room], VitalsAt, ProviderStartAt, ProviderDoneAt, RoomCleanedAt, CheckOutStartAt, CheckedOutAt);
    }
}
