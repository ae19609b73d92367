using System.Text.Json;
using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Tests;

public class PlanGenerationTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    private static readonly Lazy<IReadOnlyList<ClinicDayPlan>> ManyDays =
        new(() => [.. Enumerable.Range(1, 40).Select(seed => ClinicDayPlan.Generate(seed, Day))]);

    [Fact]
    public void Generate_SameSeedTwice_IdenticalPlans()
    {
        var first = JsonSerializer.Serialize(ClinicDayPlan.Generate(7, Day));
        var second = JsonSerializer.Serialize(ClinicDayPlan.Generate(7, Day));

        second.Should().Be(first);
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentPlans()
    {
        var seven = ClinicDayPlan.Generate(7, Day);
        var eight = ClinicDayPlan.Generate(8, Day);

        JsonSerializer.Serialize(eight).Should().NotBe(JsonSerializer.Serialize(seven));
        eight.Visits.Select(v => v.Patient.LastName).Should().NotEqual(seven.Visits.Select(v => v.Patient.LastName));
    }

    [Fact]
    public void Generate_AnySeed_ThreeClinicsOfThreeOrFourProvidersBookingAboutSixtyToNinetyVisitsEach()
    {
        foreach (var plan in ManyDays.Value)
        {
            plan.Clinics.Select(c => c.Code).Should().Equal("north", "south", "east");
            foreach (var clinic in plan.Clinics)
            {
                clinic.Providers.Should().HaveCountGreaterThanOrEqualTo(2).And.HaveCountLessThanOrEqualTo(4);
                plan.VisitsOf(clinic.Code).Count(v => !v.IsWalkIn).Should().BeInRange(50, 100, $"seed {plan.Seed} clinic {clinic.Code}");
                plan.VisitsOf(clinic.Code).Count(v => v.IsWalkIn).Should().BeInRange(2, 5);
            }
        }
    }

    [Fact]
    public void Generate_ManySeeds_NoShowsAboutSixPercent()
    {
        var booked = ManyDays.Value.SelectMany(p => p.Visits).Where(v => !v.IsWalkIn).ToList();

        var rate = booked.Count(v => v.IsNoShow) / (double)booked.Count;

        rate.Should().BeInRange(0.045, 0.075);
    }

    [Fact]
    public void Generate_ManySeeds_MostArriveEarlyOrOnTimeAndSomeAreLate()
    {
        var lateness = ManyDays.Value.SelectMany(p => p.Visits)
            .Where(v => !v.IsWalkIn && !v.IsNoShow)
            .Select(v => (v.ArrivesAt!.Value - v.ScheduledAt!.Value).TotalMinutes)
            .ToList();

        lateness.Count(m => m <= 0).Should().BeGreaterThan((int)(lateness.Count * 0.7), "most patients are early or on time");
        (lateness.Count(m => m > 10) / (double)lateness.Count).Should().BeInRange(0.01, 0.10, "some are more than ten minutes late");
        lateness.Average().Should().BeApproximately(VisitGenerator.LatenessMean, 1.0);
        lateness.Should().OnlyContain(m => m >= -25 && m <= 45);
    }

    [Fact]
    public void Generate_ManySeeds_LabsForAboutThirtyPercentAndReferralsForAboutEightPercent()
    {
        var visits = ManyDays.Value.SelectMany(p => p.Visits).ToList();

        (visits.Count(v => v.Care.Lab is not null) / (double)visits.Count).Should().BeInRange(0.27, 0.33);
        (visits.Count(v => v.Care.Referral is not null) / (double)visits.Count).Should().BeInRange(0.06, 0.10);
    }

    [Fact]
    public void Generate_AnySeed_PatientsAreDistinctAndVisitsNumberedInOrder()
    {
        var plan = ClinicDayPlan.Generate(7, Day);

        plan.Visits.Select(v => v.Number).Should().Equal(Enumerable.Range(1, plan.Visits.Count));
        plan.Visits.Select(v => (v.Patient.FirstName, v.Patient.LastName, v.Patient.DateOfBirth)).Should().OnlyHaveUniqueItems();
        plan.Visits.Select(v => v.Patient.Mrn).Should().OnlyHaveUniqueItems();
        plan.Visits.Where(v => v.IsNoShow).Should().OnlyContain(v => v.Times == null);
        plan.Visits.Where(v => !v.IsNoShow).Should().OnlyContain(v => v.Times != null);
    }
}
