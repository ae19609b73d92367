namespace PatientFlow.Simulator.Planning;

/// <summary>A clinic as operations set it up for the day: its zone, staff, rooms and providers.</summary>
/// <param name="Rooms">Exam room codes; each provider's first room is the one their template books.</param>
/// <param name="BookedShare">The share of the providers' slots the front desk fills.</param>
public sealed record ClinicPlan(
    string Code, string Name, string TimeZone, StaffCapacity Staff, IReadOnlyList<ProviderPlan> Providers, IReadOnlyList<string> Rooms, double BookedShare)
{
    /// <summary>All simulated clinics share a zone, so one wall clock reads the same for each.</summary>
    public const string Zone = "America/Chicago";

    public static readonly TimeOnly Opens = new(8, 0);
    public static readonly TimeOnly LunchStarts = new(12, 0);
    public static readonly TimeOnly LunchEnds = new(13, 0);
    public static readonly TimeOnly Closes = new(17, 0);

    /// <summary>The instant a wall-clock time of the clinic's day falls on.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) => At(TimeZone, date, time);

    public static DateTimeOffset At(string timeZone, DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// North and south are staffed for their day. East is as busy, with its books nearly full, but has one medical
    /// assistant rooming every patient: about a third more rooming work arrives than one assistant can do.
    /// </summary>
    public static IReadOnlyList<ClinicPlan> Generate(Sampler sampler)
    {
        var names = new ProviderNames(sampler);
        return
        [
            Create("north", "North Clinic", sampler.Between(3, 4), StaffCapacity.Staffed, sampler.Uniform(0.72, 0.88), names),
            Create("south", "South Clinic", sampler.Between(3, 4), StaffCapacity.Staffed, sampler.Uniform(0.72, 0.88), names),
            Create("east", "East Clinic", 3, StaffCapacity.OneAssistant, sampler.Uniform(0.84, 0.9), names),
        ];
    }

    private static ClinicPlan Create(string code, string name, int providers, Func<int, StaffCapacity> staffing, double bookedShare, ProviderNames names)
    {
        var staff = staffing(providers);
        var rooms = Enumerable.Range(1, staff.Rooms).Select(n => $"EXAM-{n}").ToList();
        var plans = Enumerable.Range(0, providers)
            .Select(i => new ProviderPlan(
                $"{code}-{i + 1}", names.Next(), "family-medicine", code, rooms[i * StaffCapacity.RoomsPerProvider], ProviderPlan.SlotLength,
                [new Session(Opens, LunchStarts), new Session(LunchEnds, Closes)]))
            .ToList();
        return new ClinicPlan(code, name, Zone, staff, plans, rooms, bookedShare);
    }

    private sealed class ProviderNames(Sampler sampler)
    {
        private static readonly string[] Surnames = ["Grey", "Banting", "Apgar", "Osler", "Blackwell", "Salk", "Lister", "Nightingale", "Barnard", "Snow", "Jenner", "Curie", "Fleming", "Harvey"];
        private readonly HashSet<string> used = [];

        public string Next()
        {
            string name;
            do
            {
                name = $"Dr. {sampler.Pick(Surnames)}";
            }
            while (!used.Add(name));
            return name;
        }
    }
}

/// <summary>A provider's day: their sessions in slots of <see cref="SlotMinutes"/>, in <see cref="Room"/>.</summary>
/// <param name="Key">Names the provider in the plan until scheduling gives them an id.</param>
public sealed record ProviderPlan(string Key, string Name, string Specialty, string Clinic, string Room, int SlotMinutes, IReadOnlyList<Session> Sessions)
{
    public const int SlotLength = 15;

    /// <summary>Slot start times, session by session.</summary>
    public IEnumerable<IReadOnlyList<TimeOnly>> SlotsBySession() => Sessions.Select(session =>
        (IReadOnlyList<TimeOnly>)[.. Enumerable.Range(0, (int)((session.End - session.Start).TotalMinutes / SlotMinutes))
            .Select(i => session.Start.AddMinutes(i * SlotMinutes))]);
}

/// <summary>A stretch of the clinic's wall-clock day a provider sees patients in.</summary>
public sealed record Session(TimeOnly Start, TimeOnly End);
