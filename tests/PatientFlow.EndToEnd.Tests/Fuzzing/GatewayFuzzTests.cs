using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Npgsql;
using PatientFlow.Testing;
using PatientFlow.Testing.Platform;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Ten thousand fuzzed requests through the gateway, spread over every route the services document: malformed, mistyped,
/// oversized and deeply nested bodies, NUL and control characters, bad ids, odd headers, and tokens the gateway must refuse.
/// No answer may be a 5xx, and nothing may be written: every request is planned so that it cannot succeed, each carries the
/// run's trace id, and no service's event store may hold an event appended in that trace. Set FUZZ_SEED to replay a run.
/// <para>
/// A hostile load: it runs on a platform of its own, in the suite's second phase and with nothing beside it, so that no
/// other test's platform has just carried ten thousand refused requests (a tracking restart right after it once left
/// tracking unreachable through its endpoint for the rest of the run).
/// </para>
/// </summary>
[Trait("Category", "Faults")]
[Collection(FuzzCollection.Name)]
public sealed class GatewayFuzzTests(FuzzPlatform platform, ITestOutputHelper output)
{
    private const int DefaultSeed = 9457;
    private const int Requests = 10_000;
    private const int Parallelism = 8;

    [Fact]
    public async Task Fuzz_TenThousandBadRequestsThroughTheGateway_No5xxAndNothingWritten()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;
        output.WriteLine($"seed {seed} (FUZZ_SEED={seed} replays this run)");
        using var anonymous = new HttpClient { BaseAddress = platform.Platform.GatewayUrl };
        var routes = await ApiRoutes.ReadAsync(anonymous);
        var plan = new FuzzPlan(seed, await FuzzTokens.MintAsync(platform)).Plan(routes, Requests);
        var traceId = new Random(seed).Next().ToString("x8", CultureInfo.InvariantCulture).PadLeft(32, 'f');
        var before = await EventCountsAsync(traceId);

        var (answers, took) = await FuzzRun.SendAsync(platform.Platform.GatewayUrl, plan, traceId, Parallelism);

        var after = await EventCountsAsync(traceId);
        var control = await ControlWriteIsCountedAsync();
        Report(routes, answers, took, before, after);
        var failures = answers.Where(a => a.Status >= 500 || (a.NoAnswer is not null && !a.RefusedWhileSending)).ToList();
        failures.Select(f => f.ToString()).Take(10).Should().BeEmpty($"{failures.Count} of {answers.Count} requests got a 5xx or no answer (seed {seed})");
        // A body over the limit is refused on its declared length first (413), before any token is read.
        answers.Where(a => a.Request.RefusedToken is not null && a.Request.Route.Role is not null && a.NoAnswer is null && a.Status is not (401 or 429)
                && !(a.Status == 413 && a.Request.Body is { OverTheLimit: true }))
            .Select(a => a.ToString()).Take(10).Should().BeEmpty("the gateway refuses every such token");
        answers.Where(a => !a.Request.Route.IsRead && a.Status is >= 200 and < 300).Select(a => a.ToString()).Take(10)
            .Should().BeEmpty("every command the fuzz sent is refused: its body is invalid, its path names nothing, or its token is refused");
        answers.Count(a => a.Status == 429).Should().BeLessThan(Requests / 20, "the fuzz reaches the services, not the rate limiter");
        routes.Where(r => answers.Count(a => a.Request.Route == r) < 10).Should().BeEmpty("every route gets its share");
        control.Should().BeGreaterThan(0, "a write through the gateway is found by its trace id, so the count below can see one");
        after.Where(service => service.Value.InTrace > 0).Select(service => $"{service.Key}: {service.Value.InTrace}")
            .Should().BeEmpty("no fuzzed request appended an event");
    }

    /// <summary>Every event in each service's store, and those appended in the trace (its traceparent header).</summary>
    private async Task<Dictionary<string, (long All, long InTrace)>> EventCountsAsync(string traceId)
    {
        var counts = new Dictionary<string, (long, long)>();
        foreach (var service in ApiRoutes.Services)
        {
            await using var connection = new NpgsqlConnection(await platform.DatabaseAsync(service));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select count(*), count(*) filter (where headers ->> 'traceparent' like @trace) from mt_events", connection);
            command.Parameters.AddWithValue("trace", $"00-{traceId}-%");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            counts[service] = (reader.GetInt64(0), reader.GetInt64(1));
        }

        return counts;
    }

    /// <summary>One real write through the gateway in a trace of its own, counted the way the fuzz's are.</summary>
    private async Task<long> ControlWriteIsCountedAsync()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var frontDesk = await platform.ClientForAsync("front-desk");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/patients")
        {
            Content = JsonContent.Create(new
            {
                mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Ada", lastName = $"Fuzz{Guid.NewGuid():N}"[..16], dateOfBirth = "1980-04-12", sex = "female", clinic = "north",
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await frontDesk.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Created);
        return (await EventCountsAsync(traceId))["scheduling"].InTrace;
    }

    private void Report(
        IReadOnlyList<ApiRoute> routes, IReadOnlyList<FuzzAnswer> answers, TimeSpan took,
        Dictionary<string, (long All, long InTrace)> before, Dictionary<string, (long All, long InTrace)> after)
    {
        output.WriteLine($"{answers.Count} requests over {routes.Count} routes in {took.TotalSeconds:0.0} s ({answers.Count / took.TotalSeconds:0} per second)");
        output.WriteLine("by status: " + string.Join(", ", answers.GroupBy(a => a.NoAnswer is null ? a.Status.ToString(CultureInfo.InvariantCulture) : "no answer")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}")));
        output.WriteLine("by attack: " + string.Join(", ", answers.GroupBy(a => a.Request.Attack).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} × {g.Count()}")));
        output.WriteLine("by body: " + string.Join(", ", answers.Where(a => a.Request.Body is not null).GroupBy(a => a.Request.Body!.Description)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}")));
        output.WriteLine("refused tokens: " + string.Join(", ", answers.Where(a => a.Request.RefusedToken is not null).GroupBy(a => $"{a.Request.RefusedToken} → {a.Status}")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}")));
        foreach (var service in ApiRoutes.Services)
        {
            output.WriteLine($"{service}: {before[service].All} events before, {after[service].All} after (other writers run meanwhile), {after[service].InTrace} in the fuzz's trace");
        }

        output.WriteLine($"refused while the body was sent (the connection closed on it): {answers.Count(a => a.RefusedWhileSending)}");
        foreach (var failure in answers.Where(a => a.Status >= 500 || (a.NoAnswer is not null && !a.RefusedWhileSending)).Take(20))
        {
            output.WriteLine("  " + failure);
        }

        Figures.Report("fuzz through the gateway", $"{answers.Count} requests in {took.TotalSeconds:0.0} s, {answers.Count(a => a.Status >= 500)} answered 5xx");
    }
}

/// <summary>The fuzz's own platform; the collection runs after the others, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection : ICollectionFixture<FuzzPlatform>
{
    public const string Name = "fuzz";
}

/// <summary>The platform the fuzz runs against, started for it alone.</summary>
public sealed class FuzzPlatform : RunningPlatform
{
    protected override PlatformSettings Settings() => new("fuzz");
}
