using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Bottlenecks;

namespace PatientFlow.Tracking.Tests.Api;

/// <summary>
/// Analytics and bottlenecks over journeys that really went through RabbitMQ and the journey projection. Each test
/// uses its own clinic, so filtering by it sees only that test's visits.
/// </summary>
public class AnalyticsApiTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    private readonly HttpClient _ops = factory.CreateClient(Roles.Ops);

    /// <summary>
    /// A clinic's last hour (minutes before now): three patients seen promptly, then arrivals pile up waiting for a room.
    /// <code>
    ///       arrived roomed intake-done with-provider provider-done checked-out
    ///  A      -58    -55      -50         -45           -35           -30
    ///  B      -50    -45      -40         -35           -25           -20
    ///  C      -40    -35      -30         -25             –             –
    ///  D..G   -30, -22, -14, -6: still waiting for a room
    /// </code>
    /// </summary>
    private async Task<(string Clinic, DateTimeOffset Now, IReadOnlyList<(VisitScript Visit, int ArrivedMinutesAgo)> Waiting)> ARoomShortHourAsync()
    {
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        VisitScript Visit(int arrivedMinutesAgo) => VisitScript.New(clinic, now.AddMinutes(-arrivedMinutesAgo));
        var a = Visit(58);
        var b = Visit(50);
        var c = Visit(40);
        int[] waitingSince = [30, 22, 14, 6];
        var waiting = waitingSince.Select(Visit).ToList();
        await factory.PublishAllAsync([
            a.Booked(), a.CheckedIn(0), a.Roomed(3), a.Vitals(8), a.ProviderStarted(13), a.EncounterCompleted(23), a.CheckedOut(28),
            b.Booked(), b.CheckedIn(0), b.Roomed(5), b.Vitals(10), b.ProviderStarted(15), b.EncounterCompleted(25), b.CheckedOut(30),
            c.Booked(), c.CheckedIn(0), c.Roomed(5), c.Vitals(10), c.ProviderStarted(15),
            .. waiting.SelectMany(w => new Contracts.IVisitEvent[] { w.Booked(), w.CheckedIn(0) })]);
        foreach (var visit in waiting.Prepend(c).Prepend(b).Prepend(a))
        {
            await factory.WaitForTimelineAsync(visit.VisitId, visit == a || visit == b ? 7 : visit == c ? 5 : 2);
        }

        return (clinic, now, [.. waiting.Zip(waitingSince)]);
    }

    [Fact]
    public async Task Analytics_ARoomShortHour_WaitsDoorToProviderCycleAndTheBottleneckAsWorkedByHand()
    {
        var (clinic, now, _) = await ARoomShortHourAsync();

        var report = await _ops.GetAsync(
            $"/api/tracking/analytics?clinic={clinic}&from={Uri.EscapeDataString(now.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(now.ToString("O"))}")
            .ReadAsAsync<FlowReport>();

        report.Visits.Should().Be(7);
        var waitingForRoom = report.Intervals.Single(i => i.Name == "waiting-for-room");
        // Roomed in the window: A 3, B 5, C 5.
        waitingForRoom.Times.P50.Should().Be(5);
        waitingForRoom.Times.Count.Should().Be(3);
        // A 13, B 15, C 15; cycle A 28, B 30.
        report.DoorToProvider.P90.Should().Be(15);
        report.Cycle.Mean.Should().Be(29);
        report.Bottleneck.Should().NotBeNull();
        var bottleneck = report.Bottleneck!;
        bottleneck.Interval.Should().Be("waiting-for-room");
        bottleneck.Load.QueueAtEnd.Should().Be(4);
        bottleneck.Why.Should().Contain("queue grew from 0 to 4");
        report.WorkInProgress[^1].InClinic.Should().Be(5);
    }

    [Fact]
    public async Task Stages_GroupedByVisitType_EachTypesStretchTimes()
    {
        var (clinic, now, _) = await ARoomShortHourAsync();

        var stages = await _ops.GetAsync($"/api/tracking/analytics/stages?groupBy=visit-type&clinic={clinic}&from={Uri.EscapeDataString(now.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(now.ToString("O"))}")
            .ReadAsAsync<StageBreakdown>();

        var group = stages.Groups.Should().ContainSingle().Subject;
        group.Key.Should().Be("follow-up");
        group.Visits.Should().Be(7);
    }

    [Fact]
    public async Task Bottleneck_ARoomShortHour_RecordedOnceShownOnTheBoardAndInTheMetricThenClears()
    {
        var (clinic, _, waiting) = await ARoomShortHourAsync();
        await using var board = await EventStreamReader.OpenAsync(_ops, $"/api/tracking/board/stream?clinic={clinic}");
        await board.NextAsync("snapshot");
        var monitor = factory.Services.GetRequiredService<BottleneckMonitor>();

        await monitor.CheckAsync(CancellationToken.None);
        await monitor.CheckAsync(CancellationToken.None);

        var pushed = await board.NextAsync("bottleneck");
        pushed.Data.GetProperty("status").GetString().Should().Be("appeared");
        pushed.Data.GetProperty("interval").GetString().Should().Be("waiting-for-room");
        var history = await _ops.GetAsync("/api/tracking/bottlenecks").ReadAsAsync<BottleneckHistory>();
        history.Current.Where(b => b.Clinic == clinic)
            .Should().ContainSingle("a second check of the same state records nothing")
            .Which.QueueAtEnd.Should().Be(4);
        var metrics = await factory.CreateAnonymousClient().GetStringAsync("/metrics");
        metrics.Should().MatchRegex($"patientflow_tracking_bottleneck\\{{[^}}]*clinic=\"{clinic}\",interval=\"waiting-for-room\"\\}} 1");
        metrics.Should().MatchRegex($"patientflow_tracking_queue_length\\{{[^}}]*clinic=\"{clinic}\",stage=\"arrived\"\\}} 4");

        // Every waiting patient is roomed now: no waiting queue grew over the hour.
        await factory.PublishAllAsync([.. waiting.Select(w => w.Visit.Roomed(w.ArrivedMinutesAgo, room: $"EXAM-{w.ArrivedMinutesAgo}"))]);
        foreach (var (visit, _) in waiting)
        {
            await factory.WaitForTimelineAsync(visit.VisitId, 3);
        }

        await monitor.CheckAsync(CancellationToken.None);

        (await board.NextAsync("bottleneck", data => data.GetProperty("status").GetString() == "cleared"))
            .Data.GetProperty("interval").GetString().Should().Be("waiting-for-room");
        history = await _ops.GetAsync("/api/tracking/bottlenecks").ReadAsAsync<BottleneckHistory>();
        history.Current.Should().NotContain(b => b.Clinic == clinic);
        history.Recorded.Single(b => b.Clinic == clinic).ClearedAt.Should().NotBeNull();
        // Read from the monitor itself: the test process hosts several tracking services, whose same-named meters
        // all reach each one's scrape.
        monitor.Readings().Should().Contain((clinic, "waiting-for-room", 0));
    }

    [Theory]
    [InlineData("from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "from")]
    [InlineData("from=2026-10-01T00:00:00Z&to=2026-11-23T00:00:00Z", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-23T10:00:00", "from")]
    public async Task Analytics_BadWindow_422NamingTheField(string query, string field)
    {
        var response = await _ops.GetAsync($"/api/tracking/analytics?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task Stages_UnknownGrouping_422NamingGroupBy()
    {
        var response = await _ops.GetAsync("/api/tracking/analytics/stages?groupBy=colour");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("groupBy", out _).Should().BeTrue();
    }
}
