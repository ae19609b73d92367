using Microsoft.Extensions.Configuration;
using PatientFlow.ServiceDefaults.Time;
using PatientFlow.Simulator.Planning;
using PatientFlow.Simulator.Running;

// A seeded clinic day played through the gateway (Services:gateway:Url) on the clock every process shares
// (PatientFlow:Clock), the app host's `--simulate` resource. Prints the plan, its progress and the bottleneck the
// analytics name, then exits.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var clock = SimulatedClock.From(configuration)
    ?? throw new InvalidOperationException($"The simulator needs the shared clock ({SimulatedClockSettings.Section}).");
var gatewayUrl = configuration["Services:gateway:Url"] ?? throw new InvalidOperationException("Services:gateway:Url is not set.");
var seed = configuration.GetValue("Simulation:Seed", 7);
var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(ClinicPlan.Zone)).DateTime);

var plan = ClinicDayPlan.Generate(seed, date);
var schedule = Schedule.Build(plan);
Console.WriteLine($"seed {seed}, {date:yyyy-MM-dd} in {ClinicPlan.Zone}: {plan.Visits.Count} planned visits, {schedule.Calls.Count} API calls; " +
    $"the clock runs {clock.Speed:0.#}x real time");
foreach (var clinic in plan.Clinics)
{
    var visits = plan.VisitsOf(clinic.Code).ToList();
    Console.WriteLine($"{clinic.Code}: {clinic.Staff.Providers} providers, {clinic.Staff.MedicalAssistants} medical assistant(s), {clinic.Staff.Rooms} rooms; " +
        $"{visits.Count(v => !v.IsWalkIn)} booked, {visits.Count(v => v.IsNoShow)} no-shows, {visits.Count(v => v.IsWalkIn)} walk-ins");
}

using var http = new HttpClient { BaseAddress = new Uri(gatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
var gateway = new GatewayClient(http);
var runner = new SimulationRunner(
    plan, schedule, new ClinicApi(gateway, plan, new SimulationState()), new BottleneckProbe(gateway), clock, Console.WriteLine);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
await runner.RunAsync(stop.Token);
Console.WriteLine($"The platform keeps running on the simulated clock: {gatewayUrl}/api/tracking/board/snapshot and " +
    $"{gatewayUrl}/api/tracking/analytics?clinic=east (with an ops token).");
