namespace PatientFlow.Simulator.Planning;

/// <summary>
/// The day's demand: each provider's book filled slot by slot, patients who arrive early, on time or late (or not
/// at all), a few walk-ins, and what each visit needs.
/// </summary>
public sealed class VisitGenerator(Sampler sampler, PatientGenerator patients, DateOnly date)
{
    public const double NoShowRate = 0.06;
    public const double LabRate = 0.30;
    public const double ReferralRate = 0.08;

    /// <summary>Minutes after the scheduled start (negative: early). Most are early or on time; a few are late.</summary>
    public const double LatenessMean = -7;
    public const double LatenessSpread = 9;

    private static readonly LogNormal Cleaning = new(4, 0.3);
    private static readonly LogNormal Collection = new(5, 0.4);
    private static readonly LogNormal Turnaround = new(15, 0.35);
    private static readonly string[] Specialties = ["cardiology", "endocrinology", "dermatology", "orthopedics"];

    private int number;

    public IEnumerable<PlannedVisit> Booked(ClinicPlan clinic)
    {
        foreach (var provider in clinic.Providers)
        {
            foreach (var slots in provider.SlotsBySession())
            {
                for (var i = 0; i < slots.Count;)
                {
                    if (!sampler.Chance(clinic.BookedShare))
                    {
                        i++;
                        continue;
                    }

                    var type = sampler.PickWeighted(VisitType.All, t => t.Share);
                    var length = type.DurationMinutes / provider.SlotMinutes;
                    if (i + length > slots.Count)
                    {
                        type = VisitType.All[0];
                        length = 1;
                    }

                    var scheduled = clinic.At(date, slots[i]);
                    var arrives = sampler.Chance(NoShowRate)
                        ? (DateTimeOffset?)null
                        : scheduled.AddMinutes(Math.Round(Math.Clamp(sampler.Normal(LatenessMean, LatenessSpread), -25, 45)));
                    yield return Visit(clinic, provider, type, scheduled, arrives);
                    i += length;
                }
            }
        }
    }

    /// <summary>Two to five patients without an appointment, arriving during the sessions, seen by any provider.</summary>
    public IEnumerable<PlannedVisit> WalkIns(ClinicPlan clinic)
    {
        var count = sampler.Between(2, 5);
        for (var i = 0; i < count; i++)
        {
            var provider = sampler.Pick(clinic.Providers);
            var session = sampler.Pick(provider.Sessions);
            var minute = sampler.Between(15, (int)(session.End - session.Start).TotalMinutes - 30);
            yield return Visit(clinic, provider, VisitType.Of("sick-visit"), null, clinic.At(date, session.Start.AddMinutes(minute)));
        }
    }

    private PlannedVisit Visit(ClinicPlan clinic, ProviderPlan provider, VisitType type, DateTimeOffset? scheduled, DateTimeOffset? arrives)
    {
        number++;
        var patient = patients.Next(number);
        var care = new VisitCare(
            Minutes(type.Intake), Minutes(type.Provider), Minutes(type.CheckOut), Minutes(Cleaning), Vitals(),
            sampler.Chance(LabRate) ? new LabPlan([.. type.LabTests.Select(Result)], Minutes(Collection), Minutes(Turnaround)) : null,
            sampler.Chance(ReferralRate) ? new ReferralPlan(sampler.Pick(Specialties), $"{type.Name.ToLowerInvariant()} findings to review") : null);
        return new PlannedVisit(number, clinic.Code, provider.Key, type.Code, patient, scheduled, arrives, care);
    }

    private TimeSpan Minutes(LogNormal distribution) => TimeSpan.FromSeconds(Math.Max(60, Math.Round(sampler.Sample(distribution) * 60)));

    private Vitals Vitals()
    {
        var systolic = sampler.Between(105, 148);
        return new Vitals(systolic, Math.Min(systolic - 30, sampler.Between(64, 92)), sampler.Between(58, 98), Math.Round((decimal)sampler.Uniform(97.4, 99.4), 1), sampler.Between(95, 100));
    }

    /// <summary>A value inside the range that keeps it from being a critical result.</summary>
    private LabTestResult Result(string code) => code switch
    {
        "2345-7" => new(code, sampler.Between(72, 160), "mg/dL"),
        "4548-4" => new(code, Math.Round((decimal)sampler.Uniform(4.8, 8.5), 1), "%"),
        "6301-6" => new(code, Math.Round((decimal)sampler.Uniform(0.9, 1.3), 1), "{INR}"),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no simulated result for this test"),
    };
}
