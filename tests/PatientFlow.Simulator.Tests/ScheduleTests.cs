using PatientFlow.Simulator.Planning;
using PatientFlow.Simulator.Running;

namespace PatientFlow.Simulator.Tests;

public class ScheduleTests
{
    private static readonly ClinicDayPlan Plan = ClinicDayPlan.Generate(7, new DateOnly(2026, 11, 24));

    [Fact]
    public void Build_Day_EveryCallComesAfterWhatItNeedsAndKeysAreUnique()
    {
        var calls = Schedule.Build(Plan).Calls;

        calls.Select(c => c.Key).Should().OnlyHaveUniqueItems();
        var seen = new Dictionary<string, ScheduledCall>();
        foreach (var call in calls)
        {
            foreach (var need in call.Needs.Concat(call.After))
            {
                seen.Should().ContainKey(need, $"{call.Key} needs {need} scheduled before it");
                seen[need].At.Should().BeOnOrBefore(call.At);
            }

            seen[call.Key] = call;
        }

        calls.Select(c => c.At).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Build_Day_EveryBookingBeforeTheDoorsOpenAndEveryArrivedVisitCheckedOut()
    {
        var calls = Schedule.Build(Plan).Calls;
        var opening = Plan.Clinics[0].At(Plan.Date, ClinicPlan.Opens);

        calls.Where(c => c.Kind == CallKind.Book).Should().HaveCount(Plan.Visits.Count(v => !v.IsWalkIn))
            .And.OnlyContain(c => c.At < opening);
        calls.Count(c => c.Kind is CallKind.CheckIn or CallKind.WalkIn).Should().Be(Plan.Visits.Count(v => !v.IsNoShow));
        calls.Count(c => c.Kind == CallKind.CheckOut).Should().Be(Plan.Visits.Count(v => !v.IsNoShow));
        calls.Count(c => c.Kind == CallKind.OrderLab).Should().Be(Plan.Visits.Count(v => !v.IsNoShow && v.Care.Lab is not null));
    }

    [Fact]
    public void Build_RoomReusedByTheNextPatient_RoomingWaitsForTheCleaning()
    {
        var calls = Schedule.Build(Plan).Calls;

        var roomings = calls.Where(c => c.Kind == CallKind.Room && c.After.Count > 0).ToList();

        roomings.Should().NotBeEmpty();
        roomings.Should().OnlyContain(c => c.After.Single().EndsWith(":clean", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LabOrderOfTwoTests_SecondResultWaitsForTheFirst()
    {
        var visit = Plan.Visits.First(v => v.Care.Lab is { Tests.Count: 2 } && v.Times is not null);

        var results = Schedule.Build(Plan).Calls.Where(c => c.Visit == visit.Number && c.Kind == CallKind.RecordLabResult).ToList();

        results.Should().HaveCount(2);
        results[0].Needs.Should().Equal($"visit:{visit.Number}:specimen");
        results[1].Needs.Should().Equal([results[0].Key], "two results on one order at once would race for its stream");
    }

    [Fact]
    public void Build_TwoClinicsUntilTen_KeepsOnlyTheirCallsUpToTen()
    {
        var ten = Plan.Clinics[0].At(Plan.Date, new TimeOnly(10, 0));

        var calls = Schedule.Build(Plan, ["north", "east"], ten).Calls;

        calls.Should().OnlyContain(c => c.At <= ten);
        calls.Select(c => c.Clinic).Distinct().Should().BeEquivalentTo([Schedule.EveryClinic, "north", "east"]);
        calls.Should().Contain(c => c.Kind == CallKind.CheckOut);
    }
}
