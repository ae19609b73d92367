using System.Collections.Concurrent;
using PatientFlow.ServiceDefaults.Time;
using PatientFlow.Simulator.Planning;
using PatientFlow.Simulator.Running;
using PatientFlow.Testing.Platform;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>
/// The whole platform with every process on one accelerated clock, on PostgreSQL and RabbitMQ of its own. The
/// shared <see cref="PlatformFixture"/> runs on real time (its tests book slots an hour from now), and a clock is
/// handed to the processes only at start, so the simulated morning gets a platform of its own.
/// </summary>
public sealed class SimulatedPlatform : RunningPlatform
{
    /// <summary>Simulated seconds per real second: a 07:00 to 10:00 morning takes 90 real seconds.</summary>
    public const double Speed = 120;

    public DateOnly Day { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(ClinicPlan.Zone)).DateTime);

    /// <summary>
    /// Held at 07:00 until the simulation has set up and booked the day, however long the platform took to start
    /// (beside the shared platform and another test project on two cores, from 50 s to over 5 minutes); the clinics
    /// open at 08:00, 30 s after it starts.
    /// </summary>
    public HeldClockSettings Clock => field ??= new(
        ClinicPlan.At(ClinicPlan.Zone, Day, new TimeOnly(7, 0)), Speed, Path.Combine(Path.GetTempPath(), $"patientflow-clock-{Guid.NewGuid():N}"));

    protected override PlatformSettings Settings() => new("simulation") { Environment = Clock.ToEnvironment().ToDictionary() };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(Clock.StartFile);
    }
}

public sealed class SimulationTests(SimulatedPlatform platform, ITestOutputHelper output) : IClassFixture<SimulatedPlatform>
{
    [Fact]
    public async Task SimulateMorning_EastRoomedByOneMedicalAssistant_AnalyticsNameWaitingForRoomAsItsBottleneck()
    {
        var plan = ClinicDayPlan.Generate(7, platform.Day);
        var ten = ClinicPlan.At(ClinicPlan.Zone, plan.Date, new TimeOnly(10, 0));
        var schedule = Schedule.Build(plan, ["north", "east"], ten);
        using var http = new HttpClient { BaseAddress = platform.Platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        var gateway = new GatewayClient(http);
        var lines = new ConcurrentQueue<string>();
        var runner = new SimulationRunner(
            plan, schedule, new ClinicApi(gateway, plan, new SimulationState()), new BottleneckProbe(gateway), new SimulatedClock(platform.Clock), lines.Enqueue);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var result = await runner.RunAsync(timeout.Token);

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Figures.Report(output, "simulated morning 07:00-10:00 of two clinics at 120x, API calls", $"{result.Sent} in {result.RealDuration.TotalSeconds:0} s, {result.Failed} failed{(result.Failed > 0 ? $" ({result.Failures})" : "")}, {result.Skipped} skipped");
        result.Failed.Should().BeLessThanOrEqualTo(
            result.Sent / 50, $"at most 2% of the calls may fail; failed: {result.Failures} (the platform took {platform.StartDuration.TotalSeconds:0} s to start)");

        var (east, eastAnswer) = await AnalyticsOnceCaughtUpAsync(gateway, plan, "east", ten);
        east.Bottleneck.Should().NotBeNull($"east's queue for a room grows all morning; analytics answered {eastAnswer}");
        east.Bottleneck!.Interval.Should().Be("waiting-for-room", east.Bottleneck.ToString());
        var (north, _) = await AnalyticsOnceCaughtUpAsync(gateway, plan, "north", ten);
        WaitForRoomP50(east).Should().BeGreaterThan(WaitForRoomP50(north) ?? 0, "north has an assistant per provider");
    }

    /// <summary>
    /// The clinic's analytics for 07:00-10:00 once tracking has heard of every visit of the morning (events travel through the broker):
    /// the report, and the answer as the simulator's gateway client received it, for failure messages.
    /// </summary>
    private async Task<(FlowReport Report, JsonElement Answer)> AnalyticsOnceCaughtUpAsync(GatewayClient gateway, ClinicDayPlan plan, string clinic, DateTimeOffset to)
    {
        var expected = plan.VisitsOf(clinic).Count(v => (v.ScheduledAt ?? v.ArrivesAt) < to);
        var path = $"/api/tracking/analytics?from={plan.SetUpAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={to.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&clinic={clinic}";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        ApiAnswer answer;
        do
        {
            answer = await gateway.SendAsync(HttpMethod.Get, path, "ops", null, untilKnown: false, CancellationToken.None);
            if (answer.Status == HttpStatusCode.OK && Report(answer).Visits >= expected)
            {
                // The last steps of the morning may still be on their way: one more look a moment later.
                await Task.Delay(TimeSpan.FromSeconds(2));
                var again = await gateway.SendAsync(HttpMethod.Get, path, "ops", null, untilKnown: false, CancellationToken.None);
                return (Report(again), again.Body);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        while (DateTime.UtcNow < deadline);

        answer.Status.Should().Be(HttpStatusCode.OK, $"GET {path} answered {answer.Problem()}");
        var report = Report(answer);
        report.Visits.Should().Be(expected, $"tracking should know {clinic}'s {expected} visits of the morning");
        return (report, answer.Body);
    }

    /// <summary>The simulator's gateway client hands back the body as JSON; read as tracking's report, with the services' own JSON options.</summary>
    private static FlowReport Report(ApiAnswer answer) =>
        answer.Body.ReadAs<FlowReport>();

    private static double? WaitForRoomP50(FlowReport report) => report.Intervals.Single(i => i.Name == "waiting-for-room").Times.P50;
}
