using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace PatientFlow.EndToEnd.Tests.AppHost;

/// <summary>
/// The app host in a process of its own, as <c>./run.sh</c> starts it: dashboard, traces, and a stop that leaves nothing
/// behind. It runs with the fault suite, alone after the rest, so its start-up and memory figures are its own.
/// </summary>
[Trait("Category", "Faults")]
public sealed class RunShTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(5);
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"patientflow-runsh-{Guid.NewGuid():N}");
    private readonly string _apiKey = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task RunFreshThenAgain_BookingTracedAcrossServices_SigtermLeavesNoProcessBehind()
    {
        try
        {
            var cold = Stopwatch.StartNew();
            await using (var host = AppHostProcess.Start(_data, _apiKey))
            {
                await WaitUntilRunningAsync(host);
                Figures.Report(output, "app host: fresh data folder to all healthy", $"{cold.Elapsed.TotalSeconds:0.0} s");
                var census = ProcessCensus.Of(host.Id);
                Figures.Report(output, "app host: resident memory by kind", census.Summary());

                var services = await BookAndFollowTraceAsync(host);
                services.Should().Contain(["gateway", "scheduling"]).And.Contain(s => s == "tracking" || s == "intake" || s == "billing",
                    "the booking's trace continues from the relay's publish into a consumer in another service");

                await StopAsync(host, census);
            }

            var warm = Stopwatch.StartNew();
            await using (var host = AppHostProcess.Start(_data, _apiKey))
            {
                await WaitUntilRunningAsync(host);
                Figures.Report(output, "app host: warm restart (same data) to all healthy", $"{warm.Elapsed.TotalSeconds:0.0} s");
                await StopAsync(host, ProcessCensus.Of(host.Id));
            }
        }
        finally
        {
            TryDelete(_data);
        }
    }

    private static async Task WaitUntilRunningAsync(AppHostProcess host)
    {
        try
        {
            await host.WaitUntilRunningAsync(StartLimit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The app host did not report everything healthy within {StartLimit.TotalMinutes} min:{Environment.NewLine}{host.Output[^Math.Min(host.Output.Length, 4000)..]}");
        }
    }

    /// <summary>SIGTERM; then every process it ran (DCP, dashboard, servers, services, their wrappers) must be gone.</summary>
    private async Task StopAsync(AppHostProcess host, ProcessCensus census)
    {
        census.Processes.Select(p => p.Kind).Should().Contain(["dcp", "dashboard", "services", "servers"]);
        var stopping = Stopwatch.StartNew();
        await host.TerminateAsync(TimeSpan.FromSeconds(90));
        var exited = stopping.Elapsed;
        IReadOnlyList<ProcessCensus.Entry> Left() => [.. census.StillRunning().UnionBy(ProcessCensus.Using(_data), p => p.Pid)];
        var left = Left();
        while (left.Count > 0 && stopping.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
            left = Left();
        }

        Figures.Report(output, "app host: SIGTERM to exit / to every process gone", $"{exited.TotalSeconds:0.0} s / {stopping.Elapsed.TotalSeconds:0.0} s ({census.Processes.Count} processes)");
        left.Should().BeEmpty("SIGTERM stops everything the app host started; left: " + string.Join("; ", left.Select(p => $"{p.Pid} {p.Command}")));
    }

    /// <summary>Books a visit under a known trace id and returns the services the dashboard shows spans of in that trace.</summary>
    private static async Task<IReadOnlyCollection<string>> BookAndFollowTraceAsync(AppHostProcess host)
    {
        using var gateway = new HttpClient { BaseAddress = host.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        var ops = await ClientAsync(host, "ops");
        var frontDesk = await ClientAsync(host, "front-desk");
        var clinic = await ClinicSetup.NewClinicAsync(ops, "trace");
        var patient = await frontDesk.PostJsonAsync("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Ada", lastName = "Sample", dateOfBirth = "1980-04-12", sex = "female", clinic,
        }, HttpStatusCode.Created);
        var provider = (await frontDesk.PostJsonAsync("/api/scheduling/providers", new { name = "Dr. Grey", specialty = "family-medicine", clinic }, HttpStatusCode.Created)).Str("providerId");
        var slots = await frontDesk.PostJsonAsync($"/api/scheduling/providers/{provider}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), durationMinutes = 20, count = 1 }, HttpStatusCode.Created);

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var booking = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/appointments")
        {
            Content = JsonContent.Create(new { patientId = patient.Str("patientId"), providerId = provider, slotId = slots.GetProperty("slots")[0].Str("slotId"), visitType = "follow-up" }),
        };
        booking.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await frontDesk.SendAsync(booking)).StatusCode.Should().Be(HttpStatusCode.Created);

        using var dashboard = new HttpClient { BaseAddress = host.DashboardUrl };
        // Each process exports its spans in batches of its own, so the trace fills in over a few seconds: wait for every
        // part the assertion names (the gateway's batch may come last).
        var services = new HashSet<string>();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && !(services.IsSupersetOf(["gateway", "scheduling"]) && services.Overlaps(["tracking", "intake", "billing"])); await Task.Delay(1000))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/telemetry/traces/{traceId}");
            request.Headers.Add("x-api-key", host.DashboardApiKey);
            using var response = await dashboard.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                services.UnionWith(ServiceNames(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
            }
        }

        return services;
    }

    private static async Task<HttpClient> ClientAsync(AppHostProcess host, string role)
    {
        var client = new HttpClient { BaseAddress = host.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        var token = await (await client.PostAsJsonAsync("/dev/token", new { role })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        return client;
    }

    /// <summary>Every <c>service.name</c> attribute in an OTLP JSON document.</summary>
    private static IEnumerable<string> ServiceNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("key", out var key) && key.GetString() == "service.name"
            && element.TryGetProperty("value", out var value) && value.TryGetProperty("stringValue", out var name) => [name.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => ServiceNames(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(ServiceNames),
        _ => [],
    };

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}
