using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PatientFlow.ServiceDefaults.Time;
using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Running;

/// <summary>How a run went: calls sent, failed and skipped, how long it took in real time, and the bottlenecks at the end.</summary>
public sealed record SimulationResult(
    int Calls, int Sent, int Failed, int Skipped, TimeSpan RealDuration, DateTimeOffset ClinicDayUntil, IReadOnlyList<BottleneckAnswer> Bottlenecks)
{
    /// <summary>The failures by kind and problem, most frequent first; empty when none failed.</summary>
    public string Failures { get; init; } = "";
}

/// <summary>
/// Walks the schedule in simulated-time order: sends the set-up and bookings at once (and starts the shared clock
/// when it is held until they are through), then waits until the clock reaches each call's time and sends it once the calls it needs went through, with at most
/// <see cref="Concurrency"/> in flight. A failed call is counted
/// and logged with the visit id, and the day goes on. Every simulated hour it prints the day so far and asks the
/// analytics for each clinic's bottleneck.
/// </summary>
public sealed class SimulationRunner(ClinicDayPlan plan, Schedule schedule, ClinicApi api, BottleneckProbe probe, SimulatedClock clock, Action<string> report)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(ClinicPlan.Zone);

    public int Concurrency { get; init; } = 16;

    public SimulationProgress Progress { get; } = new();

    public async Task<SimulationResult> RunAsync(CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(Concurrency);
        var calls = new Dictionary<string, Task<bool>>();
        var hourly = new List<Task>();
        var clinics = schedule.Calls.Select(c => c.Clinic).Where(c => c != Schedule.EveryClinic).Distinct().ToList();
        var hour = NextHour(schedule.Preparation);
        var preparationReported = false;
        foreach (var call in schedule.Calls)
        {
            if (call.At > schedule.Preparation && !preparationReported)
            {
                await StartHeldClockAsync([.. calls.Values]);
                hourly.Add(ReportPreparedAsync([.. calls.Values]));
                preparationReported = true;
            }

            for (; hour <= call.At; hour = hour.AddHours(1))
            {
                await WaitUntilAsync(hour, ct);
                hourly.Add(ReportAsync(hour, clinics, ct));
            }

            if (call.At > schedule.Preparation)
            {
                await WaitUntilAsync(call.At, ct);
            }

            calls[call.Key] = SendAsync(call, [.. call.Needs.Select(calls.GetValueOrDefault)], [.. call.After.Select(calls.GetValueOrDefault).OfType<Task<bool>>()], gate, ct);
        }

        await StartHeldClockAsync([.. calls.Values]);
        await Task.WhenAll(calls.Values);
        await Task.WhenAll(hourly);
        // Queues are longest as the sessions end; after that the day only drains.
        var until = Min(plan.SessionsEnd, schedule.Until);
        await WaitUntilAsync(until, ct);
        report($"{Clock(clock.GetUtcNow())} simulation done: {string.Join(" | ", clinics.Select(Progress.Of))}");
        report($"{Progress.Sent} API calls in {started.Elapsed.TotalMinutes:0.0} real minutes, {Progress.Failed} failed, {Progress.Skipped} skipped after a failure");
        var bottlenecks = await Task.WhenAll(clinics.Select(clinic => probe.AskAsync(clinic, plan.SetUpAt, until, ct)));
        foreach (var bottleneck in bottlenecks)
        {
            report($"bottleneck {Clock(plan.SetUpAt)}-{Clock(until)} {bottleneck}");
        }

        return new SimulationResult(schedule.Calls.Count, Progress.Sent, Progress.Failed, Progress.Skipped, started.Elapsed, until, bottlenecks)
        {
            Failures = Progress.FailureSummary(),
        };
    }

    private async Task<bool> SendAsync(ScheduledCall call, Task<bool>?[] needs, Task<bool>[] after, SemaphoreSlim gate, CancellationToken ct)
    {
        await Task.WhenAll(after);
        foreach (var need in needs)
        {
            if (need is null || !await need)
            {
                Progress.Skip();
                return false;
            }
        }

        await gate.WaitAsync(ct);
        try
        {
            var answer = await api.SendAsync(call, ct);
            if (answer.Succeeded)
            {
                Progress.Succeeded(call);
                return true;
            }

            Fail(call, answer.Problem());
        }
        catch (Exception failure) when (failure is HttpRequestException or KeyNotFoundException or InvalidOperationException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Fail(call, failure.Message);
        }
        finally
        {
            gate.Release();
        }

        return false;
    }

    private void Fail(ScheduledCall call, string problem)
    {
        var kind = JsonNamingPolicy.KebabCaseLower.ConvertName(call.Kind.ToString());
        Progress.Failure($"{kind}: {problem}");
        var about = call.Visit is null ? call.Subject ?? call.Clinic : api.State.NameOf(call.Visit);
        report($"{Clock(clock.GetUtcNow())} {kind} of {about} failed: {problem}");
    }

    /// <summary>A held clock starts once the day is set up and booked, so a platform slow to start loses no slots; a moving one goes on.</summary>
    private async Task StartHeldClockAsync(Task<bool>[] preparation)
    {
        if (clock.Settings is null)
        {
            await Task.WhenAll(preparation);
            clock.Start();
            report($"{Clock(clock.GetUtcNow())} the clock starts: set-up and bookings are through");
        }
    }

    /// <summary>When the set-up and bookings were through, on the simulated clock: after a clinic opens, its first slots are gone.</summary>
    private async Task ReportPreparedAsync(Task<bool>[] preparation)
    {
        var succeeded = (await Task.WhenAll(preparation)).Count(ok => ok);
        report($"{Clock(clock.GetUtcNow())} set-up and bookings through: {succeeded} of {preparation.Length} calls succeeded");
    }

    private async Task ReportAsync(DateTimeOffset hour, IReadOnlyList<string> clinics, CancellationToken ct)
    {
        report($"{Clock(hour)} {string.Join(" | ", clinics.Select(Progress.Of))} | {Progress.Sent} calls, {Progress.Failed} failed");
        if (hour > plan.SetUpAt.AddHours(1))
        {
            var found = await Task.WhenAll(clinics.Select(clinic => probe.AskAsync(clinic, plan.SetUpAt, hour, ct)));
            report($"{Clock(hour)} bottlenecks since {Clock(plan.SetUpAt)}: {string.Join("; ", found.Select(f => f.ToString()))}");
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        while (clock.RealDelayUntil(at) is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    private DateTimeOffset NextHour(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var next = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset).AddHours(1);
        return next.ToUniversalTime();
    }

    private string Clock(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
