using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Tests;

public class ClinicFlowTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    [Fact]
    public void Run_TwoArrivalsOneAssistant_SecondIsRoomedWhenTheFirstsVitalsAreDone()
    {
        var clinic = Clinic(new StaffCapacity(MedicalAssistants: 1, Providers: 2, Rooms: 4, CheckOutDesks: 1));
        var at = clinic.At(Day, new TimeOnly(8, 0));
        PlannedVisit[] visits = [Visit(1, "test-1", at, intake: 10, provider: 15), Visit(2, "test-2", at, intake: 10, provider: 15)];

        var times = ClinicFlow.Run(clinic, visits);

        times[1].RoomedAt.Should().Be(at);
        times[1].VitalsAt.Should().Be(at.AddMinutes(10));
        times[2].RoomedAt.Should().Be(at.AddMinutes(10), "the one assistant was taking the first patient's vitals");
        times[2].Room.Should().NotBe(times[1].Room);
        times[1].ProviderStartAt.Should().Be(at.AddMinutes(10));
        times[1].ProviderDoneAt.Should().Be(at.AddMinutes(25));
        times[1].RoomCleanedAt.Should().Be(at.AddMinutes(29));
        times[1].CheckedOutAt.Should().Be(at.AddMinutes(28));
    }

    [Fact]
    public void Run_TwoPatientsOfOneProvider_SecondWaitsForTheProvider()
    {
        var clinic = Clinic(new StaffCapacity(MedicalAssistants: 2, Providers: 2, Rooms: 4, CheckOutDesks: 1));
        var at = clinic.At(Day, new TimeOnly(8, 0));
        PlannedVisit[] visits = [Visit(1, "test-1", at, intake: 10, provider: 15), Visit(2, "test-1", at, intake: 10, provider: 15)];

        var times = ClinicFlow.Run(clinic, visits);

        times[2].RoomedAt.Should().Be(at);
        times[2].ProviderStartAt.Should().Be(times[1].ProviderDoneAt);
        times[2].CheckOutStartAt.Should().Be(times[2].ProviderDoneAt);
    }

    [Fact]
    public void Run_OneRoomLeft_NextPatientWaitsForTheRoomToBeCleaned()
    {
        var clinic = Clinic(new StaffCapacity(MedicalAssistants: 2, Providers: 2, Rooms: 1, CheckOutDesks: 1));
        var at = clinic.At(Day, new TimeOnly(8, 0));
        PlannedVisit[] visits = [Visit(1, "test-1", at, intake: 10, provider: 15), Visit(2, "test-2", at.AddMinutes(1), intake: 10, provider: 15)];

        var times = ClinicFlow.Run(clinic, visits);

        times[2].RoomedAt.Should().Be(times[1].RoomCleanedAt);
        times[2].Room.Should().Be(times[1].Room);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Generate_AnySeed_NeverMoreAssistantsProvidersRoomsOrDesksAtOnceThanTheClinicHas(int seed)
    {
        var plan = ClinicDayPlan.Generate(seed, Day);

        foreach (var clinic in plan.Clinics)
        {
            var visits = plan.VisitsOf(clinic.Code).Where(v => v.Times is not null).ToList();
            MostAtOnce(visits.Select(v => (v.Times!.RoomedAt, v.Times.VitalsAt))).Should().BeLessThanOrEqualTo(clinic.Staff.MedicalAssistants);
            MostAtOnce(visits.Select(v => (v.Times!.RoomedAt, v.Times.RoomCleanedAt))).Should().BeLessThanOrEqualTo(clinic.Staff.Rooms);
            MostAtOnce(visits.Select(v => (v.Times!.CheckOutStartAt, v.Times.CheckedOutAt))).Should().BeLessThanOrEqualTo(clinic.Staff.CheckOutDesks);
            foreach (var room in visits.GroupBy(v => v.Times!.Room))
            {
                MostAtOnce(room.Select(v => (v.Times!.RoomedAt, v.Times.RoomCleanedAt))).Should().Be(1, $"room {room.Key} holds one patient");
            }

            foreach (var provider in visits.GroupBy(v => v.Provider))
            {
                MostAtOnce(provider.Select(v => (v.Times!.ProviderStartAt, v.Times.ProviderDoneAt))).Should().Be(1, $"{provider.Key} sees one patient at a time");
            }

            visits.Should().OnlyContain(v =>
                v.ArrivesAt <= v.Times!.RoomedAt && v.Times.RoomedAt < v.Times.VitalsAt && v.Times.VitalsAt <= v.Times.ProviderStartAt &&
                v.Times.ProviderStartAt < v.Times.ProviderDoneAt && v.Times.ProviderDoneAt < v.Times.RoomCleanedAt &&
                v.Times.ProviderDoneAt <= v.Times.CheckOutStartAt && v.Times.CheckOutStartAt < v.Times.CheckedOutAt);
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Generate_EastWithOneAssistant_ItsPlannedWaitForARoomIsManyTimesTheOtherClinics(int seed)
    {
        var plan = ClinicDayPlan.Generate(seed, Day);

        var east = MeanWaitForRoom(plan, "east");
        var others = Math.Max(MeanWaitForRoom(plan, "north"), MeanWaitForRoom(plan, "south"));

        plan.Clinic("east").Staff.MedicalAssistants.Should().Be(1);
        east.Should().BeGreaterThan(30, "patients queue for the one assistant through the day");
        (east / Math.Max(others, 0.5)).Should().BeGreaterThan(5, $"east waits {east:0.0} min on average, the others {others:0.0} min");
    }

    private static double MeanWaitForRoom(ClinicDayPlan plan, string clinic) =>
        plan.VisitsOf(clinic).Select(v => v.WaitForRoomMinutes).OfType<double>().Average();

    /// <summary>The most intervals [start, end) that overlap at any instant.</summary>
    private static int MostAtOnce(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var changes = intervals.SelectMany(i => new[] { (At: i.Start, Delta: 1), (At: i.End, Delta: -1) })
            .OrderBy(c => c.At).ThenBy(c => c.Delta);
        var (now, most) = (0, 0);
        foreach (var change in changes)
        {
            now += change.Delta;
            most = Math.Max(most, now);
        }

        return most;
    }

    private static ClinicPlan Clinic(StaffCapacity staff)
    {
        var rooms = Enumerable.Range(1, staff.Rooms).Select(n => $"EXAM-{n}").ToList();
        var sessions = new[] { new Session(new TimeOnly(8, 0), new TimeOnly(12, 0)) };
        var providers = Enumerable.Range(1, staff.Providers).Select(n => new ProviderPlan($"test-{n}", $"Dr. {n}", "family-medicine", "test", rooms[0], 15, sessions)).ToList();
        return new ClinicPlan("test", "Test Clinic", ClinicPlan.Zone, staff, providers, rooms, 1);
    }

    /// <summary>A visit whose check-out takes 3 minutes and whose room takes 4 minutes to clean.</summary>
    private static PlannedVisit Visit(int number, string providerKey, DateTimeOffset arrives, int intake, int provider) => new(
        number, "test", providerKey, "follow-up", new PatientProfile($"T-{number}", "Test", $"Patient{number}", new DateOnly(1980, 1, 1), "female"),
        arrives, arrives,
        new VisitCare(TimeSpan.FromMinutes(intake), TimeSpan.FromMinutes(provider), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4), new Vitals(120, 80, 70, 98.6m, 98), null, null));
}
