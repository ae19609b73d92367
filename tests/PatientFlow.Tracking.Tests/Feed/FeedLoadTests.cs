using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatientFlow.Contracts;
using PatientFlow.Contracts.Grpc.Tracking.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Journeys;
using PatientFlow.Tracking.Tests.Api;
using Xunit.Abstractions;

namespace PatientFlow.Tracking.Tests.Feed;

/// <summary>
/// Replay throughput and live latency of the feed, against real PostgreSQL and RabbitMQ. Replay is compared with
/// reading the same rows straight from the events table in the same run (the floor any feed pays), so the figure
/// is a ratio that survives a busy machine.
/// </summary>
public class FeedLoadTests(FeedLoadTests.Factory factory, ITestOutputHelper output) : IClassFixture<FeedLoadTests.Factory>
{
    private const int Visits = 1000;
    private const int StepsPerVisit = 20;

    /// <summary>A small clinic's visits, one among every 20 of the big clinic's: a filtered replay must pass over the rest.</summary>
    private const int SparseVisits = Visits / 20;

    public sealed class Factory : TrackingFactory;

    [Fact]
    [Trait("Category", "Load")]
    public async Task Replay20000Events_OverGrpcAndSse_ComparedWithReadingTheTable_AndLiveLatencyUnderSteadyPublishing()
    {
        var clinic = $"load-{Guid.NewGuid():N}";
        var sparse = $"{clinic}-small";
        await SeedAsync(clinic, sparse);
        await FeedClients.SafeToEndAsync(factory);
        const int total = Visits * StepsPerVisit;

        var table = await TimeAsync(() => ReadTableAsync(clinic));
        var pages = await TimeAsync(() => ReadPagesAsync(clinic));
        var (client, headers, channel) = FeedClients.Grpc(factory);
        using var _ = channel;
        var grpc = await TimeAsync(() => ReadGrpcAsync(client, headers, clinic, total));
        var sse = await TimeAsync(() => ReadSseAsync(clinic, total));
        const int sparseTotal = SparseVisits * StepsPerVisit;
        var sparseTable = await TimeAsync(() => ReadTableAsync(sparse));
        var sparseGrpc = await TimeAsync(() => ReadGrpcAsync(client, headers, sparse, sparseTotal));

        table.Count.Should().Be(total);
        pages.Count.Should().Be(total);
        grpc.Count.Should().Be(total);
        sse.Count.Should().Be(total);
        sparseTable.Count.Should().Be(sparseTotal);
        sparseGrpc.Count.Should().Be(sparseTotal);
        string Rate((int Count, TimeSpan Elapsed) run) => string.Create(CultureInfo.InvariantCulture, $"{run.Count / run.Elapsed.TotalSeconds:0} events/s");
        Figures.Report(output, "Feed replay of 20,000 events, reading the table (baseline, same run)", Rate(table));
        Figures.Report(output, "Feed replay of 20,000 events, the feed's own pages and envelopes without a transport",
            string.Create(CultureInfo.InvariantCulture, $"{Rate(pages)}, {pages.Elapsed / table.Elapsed:0.0}x the baseline's time"));
        Figures.Report(output, "Feed replay of 20,000 events over gRPC (clinical scope)",
            string.Create(CultureInfo.InvariantCulture, $"{Rate(grpc)}, {grpc.Elapsed / table.Elapsed:0.0}x the baseline's time"));
        Figures.Report(output, "Feed replay of 20,000 events over SSE (clinical scope)",
            string.Create(CultureInfo.InvariantCulture, $"{Rate(sse)}, {sse.Elapsed / table.Elapsed:0.0}x the baseline's time"));
        Figures.Report(output, "Feed replay of one small clinic's 1,000 events among 21,000, reading the table with the same filter (baseline, same run)", Rate(sparseTable));
        Figures.Report(output, "Feed replay of one small clinic's 1,000 events among 21,000 over gRPC",
            string.Create(CultureInfo.InvariantCulture, $"{Rate(sparseGrpc)}, {sparseGrpc.Elapsed / sparseTable.Elapsed:0.0}x the baseline's time"));

        var latencies = await LiveLatenciesAsync(client, headers, clinic);
        latencies.Sort();
        double NearestRank(double percent) => latencies[(int)Math.Ceiling(percent / 100 * latencies.Count) - 1];
        Figures.Report(output, "Feed live latency, published to RabbitMQ to gRPC subscriber, 200 events at 20/s",
            string.Create(CultureInfo.InvariantCulture, $"p50 {NearestRank(50):0} ms, p99 {NearestRank(99):0} ms"));
        latencies.Should().HaveCount(200);
    }

    /// <summary>
    /// Journey steps straight into tracking's store, as its consumers would write them, each with a real payload:
    /// <see cref="Visits"/> visits of <paramref name="clinic"/>, with one of <paramref name="sparse"/> after every 20.
    /// </summary>
    private async Task SeedAsync(string clinic, string sparse)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        foreach (var chunk in Enumerable.Range(0, Visits).Chunk(50))
        {
            await using var session = factory.Store.LightweightSession();
            foreach (var number in chunk)
            {
                Visit(session, clinic);
                if (number % 20 == 19)
                {
                    Visit(session, sparse);
                }
            }

            await session.SaveChangesAsync();
        }

        void Visit(IDocumentSession session, string at)
        {
            var visit = VisitScript.New(at, start);
            var steps = Enumerable.Range(0, StepsPerVisit)
                .Select(i => (IVisitEvent)(i == 0 ? visit.Booked() : visit.Vitals(i)))
                .Select(e => ContractSteps.ToStep(e) with { Clinic = at })
                .ToArray();
            session.Events.StartStream<VisitJourney>(visit.VisitId, steps);
        }
    }

    private async Task<int> ReadTableAsync(string clinic)
    {
        await using var connection = factory.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select seq_id, data from mt_events where type = 'journey_step_recorded' and data ->> 'clinic' = @clinic order by seq_id", connection);
        command.Parameters.AddWithValue("clinic", clinic);
        var count = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(1);
            count++;
        }

        return count;
    }

    private async Task<int> ReadPagesAsync(string clinic)
    {
        var log = factory.Services.GetRequiredService<FeedLog>();
        var query = FeedQuery.All with { Clinics = new HashSet<string> { clinic }, Scope = PayloadScope.Clinical };
        var (after, count) = (0L, 0);
        while (true)
        {
            var page = await log.PageAsync(query, after, FeedLog.PageSize, CancellationToken.None);
            count += page.Entries.Sum(entry => FeedEnvelope.Encode(entry, query.Scope).Length > 0 ? 1 : 0);
            if (page.ReadUpTo == after || page.Entries.Count == 0 && page.ReadUpTo >= factory.Services.GetRequiredService<FeedHub>().SafePosition)
            {
                return count;
            }

            after = page.ReadUpTo;
        }
    }

    private static async Task<int> ReadGrpcAsync(IntegratorFeed.IntegratorFeedClient client, Metadata headers, string clinic, int total)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var call = client.Subscribe(new SubscribeRequest { AfterPosition = 0, Clinics = { clinic }, Scope = "clinical" }, headers, cancellationToken: cancel.Token);
        var count = 0;
        while (count < total && await call.ResponseStream.MoveNext(cancel.Token))
        {
            count++;
        }

        return count;
    }

    private async Task<int> ReadSseAsync(string clinic, int total)
    {
        await using var stream = await EventStreamReader.OpenAsync(factory.CreateClient(Roles.Integrator), $"/api/tracking/feed/events?clinics={clinic}&scope=clinical");
        var count = 0;
        while (count < total)
        {
            await stream.NextFrameAsync(TimeSpan.FromSeconds(30));
            count++;
        }

        return count;
    }

    /// <summary>A subscriber caught up at the end of the log; events published at 20 a second; publish to arrival.</summary>
    private async Task<List<double>> LiveLatenciesAsync(IntegratorFeed.IntegratorFeedClient client, Metadata headers, string clinic)
    {
        var live = $"{clinic}-live";
        var visits = Enumerable.Range(0, 200).Select(_ => VisitScript.New(live, DateTimeOffset.UtcNow)).ToList();
        // Bookings first, so every later step carries the clinic the subscriber filters on.
        await factory.PublishAllAsync(visits.Select(v => v.Booked()));
        await FeedClients.LoggedAsync(factory, live, visits.Count);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var call = client.Subscribe(new SubscribeRequest { AfterPosition = factory.Services.GetRequiredService<FeedHub>().SafePosition, Clinics = { live } }, headers, cancellationToken: cancel.Token);
        var published = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var publishing = Task.Run(async () =>
        {
            foreach (var visit in visits)
            {
                var checkedIn = visit.CheckedIn();
                published[checkedIn.EventId.ToString("D")] = Stopwatch.GetTimestamp();
                await factory.PublishAsync(checkedIn);
                await Task.Delay(50);
            }
        });
        var latencies = new List<double>();
        while (latencies.Count < visits.Count && await call.ResponseStream.MoveNext(cancel.Token))
        {
            if (published.TryGetValue(call.ResponseStream.Current.Id, out var sent))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }

        await publishing;
        return latencies;
    }

    private static async Task<(int Count, TimeSpan Elapsed)> TimeAsync(Func<Task<int>> run)
    {
        var watch = Stopwatch.StartNew();
        var count = await run();
        return (count, watch.Elapsed);
    }
}
