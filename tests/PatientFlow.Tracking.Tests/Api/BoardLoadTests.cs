using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Board;
using Xunit.Abstractions;

namespace PatientFlow.Tracking.Tests.Api;

/// <summary>
/// The board's push under a hospital day's load: 2,000 visits in the clinic, 20 viewers (one per clinic and ten
/// watching every clinic), and a stream of roomings through RabbitMQ. Every viewer must get every move it should see,
/// in order. Push latency (step published → frame read by the viewer) is reported against a baseline measured in the
/// same run on a nearly empty board; no timing is asserted here.
/// </summary>
public class BoardLoadTests(BoardLoadTests.Factory factory, ITestOutputHelper output) : IClassFixture<BoardLoadTests.Factory>
{
    private const int ActiveVisits = 2_000;
    private const int Clinics = 10;

    /// <summary>A tracking service of its own: this test fills its board.</summary>
    public sealed class Factory : TrackingFactory;

    [Fact]
    [Trait("Category", "Load")]
    public async Task Push_TwoThousandActiveVisitsTwentyViewers_EveryViewerGetsEveryMoveInOrder()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var baseline = await MeasureAsync(run + "-empty", movers: 40);

        var now = DateTimeOffset.UtcNow;
        var board = factory.Services.GetRequiredService<LiveBoard>();
        var loaded = Enumerable.Range(0, ActiveVisits).Select(i => VisitScript.New($"{run}-{i % Clinics}", now.AddMinutes(-i % 90))).ToList();
        await factory.PublishAllAsync(loaded.SelectMany(v => new Contracts.IVisitEvent[] { v.Booked(), v.CheckedIn() }));
        await Eventually.Until(() => Task.FromResult(board.Count >= ActiveVisits ? (object)board : null), TimeSpan.FromSeconds(120), "2,000 cards on the board");

        var loadedRun = await MeasureAsync(run, movers: 200);

        Report("board push, 1 visit on the board, 20 viewers", baseline);
        Report("board push, 2,000 visits on the board, 20 viewers", loadedRun);
        Figures.Report(output, "board push under load, p50 / p99 ratio to a near-empty board in the same run",
            FormattableString.Invariant($"{loadedRun.P50 / baseline.P50:0.00}x / {loadedRun.P99 / baseline.P99:0.00}x"));
    }

    /// <summary>Opens 20 viewers, rooms <paramref name="movers"/> checked-in visits of clinics named after <paramref name="run"/> and collects what each viewer got.</summary>
    private async Task<Distribution> MeasureAsync(string run, int movers)
    {
        var now = DateTimeOffset.UtcNow;
        var visits = Enumerable.Range(0, movers).Select(i => VisitScript.New($"{run}-{i % Clinics}", now.AddMinutes(-30))).ToList();
        await factory.PublishAllAsync(visits.SelectMany(v => new Contracts.IVisitEvent[] { v.Booked(), v.CheckedIn() }));
        var board = factory.Services.GetRequiredService<LiveBoard>();
        var ids = visits.Select(v => v.VisitId).ToHashSet();
        await Eventually.Until(() => Task.FromResult(board.Cards(BoardFilter.All).Count(c => ids.Contains(c.VisitId)) == movers ? (object)board : null),
            TimeSpan.FromSeconds(60), "the movers' cards");

        var client = factory.CreateClient(Roles.Ops);
        var viewers = new List<(string? Clinic, EventStreamReader Reader)>();
        for (var v = 0; v < 20; v++)
        {
            var clinic = v < Clinics ? $"{run}-{v}" : null;
            var reader = await EventStreamReader.OpenAsync(client, clinic is null ? "/api/tracking/board/stream" : $"/api/tracking/board/stream?clinic={clinic}");
            await reader.NextAsync("snapshot", timeout: TimeSpan.FromSeconds(30));
            viewers.Add((clinic, reader));
        }

        var published = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var collecting = viewers.Select(viewer => Task.Run(async () =>
        {
            var seen = new List<(Guid Visit, DateTimeOffset ReceivedAt)>();
            var expected = visits.Count(v => viewer.Clinic is null || v.Clinic == viewer.Clinic);
            while (seen.Count < expected)
            {
                var card = await viewer.Reader.NextAsync("card", data =>
                    data.GetProperty("card").ValueKind == System.Text.Json.JsonValueKind.Object &&
                    data.GetProperty("card").GetProperty("stage").GetString() == "roomed" &&
                    ids.Contains(data.GetProperty("visitId").GetGuid()), TimeSpan.FromSeconds(60));
                seen.Add((card.Data.GetProperty("visitId").GetGuid(), card.ReceivedAt));
            }

            return (viewer.Clinic, Seen: seen);
        })).ToList();

        foreach (var (visit, i) in visits.Select((v, i) => (v, i)))
        {
            var roomedAt = DateTimeOffset.UtcNow;
            published[visit.VisitId] = roomedAt;
            await factory.PublishAsync(new PatientRoomed(Guid.CreateVersion7(), visit.VisitId, visit.PatientId, roomedAt, roomedAt, $"EXAM-{i % 12}"));
            await Task.Delay(20);
        }

        var results = await Task.WhenAll(collecting);
        foreach (var (clinic, seen) in results)
        {
            var expected = visits.Where(v => clinic is null || v.Clinic == clinic).Select(v => v.VisitId);
            seen.Select(s => s.Visit).Should().BeEquivalentTo(expected, "each viewer gets each move it sees, once");
        }

        foreach (var (_, reader) in viewers)
        {
            await reader.DisposeAsync();
        }

        return Distribution.Of(results.SelectMany(r => r.Seen).Select(s => (s.ReceivedAt - published[s.Visit]).TotalMilliseconds));
    }

    private void Report(string what, Distribution latency) =>
        Figures.Report(output, what, FormattableString.Invariant($"p50 {latency.P50:0} ms, p99 {latency.P99:0} ms over {latency.Count} frames"));
}
