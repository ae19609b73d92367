namespace PatientFlow.Simulator.Planning;

/// <summary>
/// A whole clinic day from a seed: the clinics with their staff and providers, every visit with its patient, and
/// when each stage of each visit happens given the staff. The same seed and date give the same plan.
/// </summary>
public sealed record ClinicDayPlan(int Seed, DateOnly Date, IReadOnlyList<ClinicPlan> Clinics, IReadOnlyList<PlannedVisit> Visits)
{
    /// <summary>Operations set the clinics up at this wall-clock time (or as soon as the platform answers); the front desk books right after.</summary>
    public static readonly TimeOnly SetUpTime = new(7, 0);

    public static ClinicDayPlan Generate(int seed, DateOnly date)
    {
        var sampler = new Sampler(seed);
        var clinics = ClinicPlan.Generate(sampler);
        var generator = new VisitGenerator(sampler, new PatientGenerator(sampler, seed, date), date);
        var visits = clinics.SelectMany(clinic => generator.Booked(clinic).ToList().Concat(generator.WalkIns(clinic).ToList())).ToList();
        var times = clinics.SelectMany(clinic => ClinicFlow.Run(clinic, visits)).ToDictionary();
        return new ClinicDayPlan(seed, date, clinics, [.. visits.Select(v => v with { Times = times.GetValueOrDefault(v.Number) })]);
    }

    public DateTimeOffset SetUpAt => ClinicPlan.At(ClinicPlan.Zone, Date, SetUpTime);

    /// <summary>When the last session ends: the day's queues are longest around then.</summary>
    public DateTimeOffset SessionsEnd => ClinicPlan.At(ClinicPlan.Zone, Date, ClinicPlan.Closes);

    /// <summary>When the last patient leaves (or the last lab result comes).</summary>
    public DateTimeOffset Ends => Visits
        .SelectMany(v => new[] { v.Times?.CheckedOutAt, v.Times?.RoomCleanedAt, v.ResultedAt })
        .OfType<DateTimeOffset>()
        .DefaultIfEmpty(SessionsEnd)
        .Max();

    /// <summary>Visits are numbered from 1 in the order of <see cref="Visits"/>.</summary>
    public PlannedVisit Visit(int number) => Visits[number - 1];

    public ClinicPlan Clinic(string code) => Clinics.Single(c => c.Code == code);

    public IEnumerable<PlannedVisit> VisitsOf(string clinic) => Visits.Where(v => v.Clinic == clinic);
}
