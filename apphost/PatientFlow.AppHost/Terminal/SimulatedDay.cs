using PatientFlow.ServiceDefaults.Time;
using PatientFlow.Simulator.Planning;
using PatientFlow.Simulator.Running;

namespace PatientFlow.AppHost.Terminal;

/// <summary><c>--simulate [--seed N] [--speed N]</c>: a seeded clinic day, played through the gateway on an accelerated clock.</summary>
public sealed record SimulationRequest(int Seed = SimulationRequest.DefaultSeed, double Speed = SimulationRequest.DefaultSpeed)
{
    public const int DefaultSeed = 7;
    public const double DefaultSpeed = 30;
}

/// <summary>
/// Starts the platform on fresh data of its own (<c>&lt;data&gt;/simulation</c>, never mixed with real data) with
/// every process on the same accelerated clock, plays the day's plan against the gateway, prints the bottleneck
/// the analytics name, and keeps the platform running for people to look at until Ctrl-C.
/// </summary>
internal static class SimulatedDay
{
    /// <summary>
    /// The clock reads 07:30 this long after launch, about when the platform is ready: the front desk then has
    /// until the 08:00 opening to book the day. Before that it reads earlier in the morning.
    /// </summary>
    private static readonly TimeSpan StartAllowance = TimeSpan.FromSeconds(60);

    private static readonly TimeOnly ClockStartsAt = new(7, 30);

    public static async Task<int> RunAsync(PlatformOptions options, SimulationRequest request, ShutdownSignal shutdown)
    {
        var now = DateTimeOffset.UtcNow;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(ClinicPlan.Zone)).DateTime);
        var clock = new SimulatedClockSettings(ClinicPlan.At(ClinicPlan.Zone, date, ClockStartsAt), now + StartAllowance, request.Speed).Validated();
        var simulated = options with { DataDirectory = Path.Combine(options.DataDirectory, "simulation"), Fresh = true, OwnServers = true, Clock = clock };
        var output = new ConsoleOutput(options.Output, 10);
        void Say(string line) => output.Write("simulator", line);

        var plan = ClinicDayPlan.Generate(request.Seed, date);
        var schedule = Schedule.Build(plan);
        Say($"seed {request.Seed}, {date:yyyy-MM-dd} in {ClinicPlan.Zone}: {plan.Visits.Count} planned visits, {schedule.Calls.Count} API calls; " +
            $"the clock reads {ClockStartsAt:HH:mm} about a minute from now and runs {request.Speed:0.#}x real time");
        foreach (var clinic in plan.Clinics)
        {
            var visits = plan.VisitsOf(clinic.Code).ToList();
            Say($"{clinic.Code}: {clinic.Staff.Providers} providers, {clinic.Staff.MedicalAssistants} medical assistant(s), {clinic.Staff.Rooms} rooms; " +
                $"{visits.Count(v => !v.IsWalkIn)} booked, {visits.Count(v => v.IsNoShow)} no-shows, {visits.Count(v => v.IsWalkIn)} walk-ins");
        }

        await using var platform = await Platform.DefineDefault(simulated).StartAsync(shutdown.Token);
        StartupSummary.Print(platform, simulated.DataDirectory, output);
        using var http = new HttpClient { BaseAddress = platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        var gateway = new GatewayClient(http);
        var runner = new SimulationRunner(
            plan, schedule, new ClinicApi(gateway, plan, new SimulationState()), new BottleneckProbe(gateway), new SimulatedClock(clock), Say);
        await runner.RunAsync(shutdown.Token);
        Say($"The platform keeps running on the simulated clock: {platform.GatewayUrl}api/tracking/board/snapshot and " +
            $"{platform.GatewayUrl}api/tracking/analytics?clinic=east (with an ops token). Ctrl-C stops everything.");
        await shutdown.WaitAsync();
        return 0;
    }
}
