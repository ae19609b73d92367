extern alias tracking;
using System.Diagnostics.Metrics;
using System.Text.Json;
using PatientFlow.Platform.Messaging;
using PatientFlow.Platform.Operations;
using PatientFlow.ServiceDefaults.Observability;
using tracking::PatientFlow.Tracking.Journeys.GettingTimeline;

namespace PatientFlow.Reliability.Tests.InProcess;

/// <summary>
/// A message that fails on every retry is parked in the error queue, counted and shown on readiness,
/// while the others keep flowing; once the cause is fixed an operator replays it and it takes effect.
/// The fault is real: a trigger in tracking's own database rejects the poison visit's journey.
/// </summary>
public sealed class PoisonMessageTests(TrackingService tracking, ITestOutputHelper output) : IClassFixture<TrackingService>
{
    [Fact]
    [Trait("Category", "Faults")]
    public async Task Consume_MessageFailingEveryRetry_ParkedCountedOthersFlowAndReplayAfterFixApplies()
    {
        using var failures = new FailureMeter();
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var poison = Visit.New(clinic);
        var healthy = Enumerable.Range(0, 5).Select(_ => Visit.New(clinic)).ToList();
        await OperatorViews.ExecuteAsync(tracking.DatabaseConnectionString, $"""
            create or replace function reject_poison_visit() returns trigger language plpgsql as $$
            begin raise exception 'journey of visit % rejected', new.stream_id; end $$;
            create trigger reject_poison_visit before insert on mt_events
              for each row when (new.stream_id = '{poison.VisitId}') execute function reject_poison_visit();
            """);

        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        var poisonEvent = poison.Booked(at);
        await tracking.PublishAsync(poisonEvent);
        foreach (var visit in healthy)
        {
            await tracking.PublishAsync(visit.Booked(at));
            await tracking.PublishAsync(visit.CheckedIn(at.AddMinutes(5)));
        }

        foreach (var visit in healthy)
        {
            await WaitForStepsAsync(visit.VisitId, 2);
        }

        var parked = await Eventually.Until(async () =>
        {
            var messaging = (await OperatorViews.MessagingAsync(tracking)).ReadAs<MessagingStatus>();
            return messaging.Error.Count > 0 ? messaging : null;
        }, TimeSpan.FromSeconds(60), "the poison message in tracking_error");
        var entry = parked.Error.Should().ContainSingle().Subject;
        entry.MessageId.Should().Be(poisonEvent.EventId.ToString());
        entry.CorrelationId.Should().Be(poison.VisitId.ToString());
        entry.MessageType.Should().Contain("AppointmentBooked");
        entry.ExceptionType.Should().NotBeNullOrEmpty();
        failures.Count.Should().Be(1, "the message is counted once, when it is parked, not once per retry");

        var degraded = await Eventually.Until(async () =>
        {
            var ready = (await OperatorViews.ReadyAsync(tracking)).ReadAs<Readiness>();
            return ready.Checks.Messaging.Status == "Degraded" ? ready : null;
        }, TimeSpan.FromSeconds(30), "readiness showing the parked message");
        degraded.Checks.Messaging.Data!["tracking_error"].Should().Be(1);
        (await TimelineStatusAsync(poison.VisitId)).Should().Be(404);

        // The operator fixes the cause, then replays.
        await OperatorViews.ExecuteAsync(tracking.DatabaseConnectionString, "drop trigger reject_poison_visit on mt_events;");
        using var ops = tracking.CreateClient(Roles.Ops);
        var replay = await ops.PostAsJsonAsync("/api/tracking/operations/messaging/replay", new { queue = "error" });
        replay.EnsureSuccessStatusCode();
        var result = await replay.ReadAsAsync<ReplayResult>();
        result.Replayed.Should().Be(1);
        result.Left.Should().Be(0);

        await WaitForStepsAsync(poison.VisitId, 1);
        await Eventually.Until(async () =>
        {
            var ready = (await OperatorViews.ReadyAsync(tracking)).ReadAs<Readiness>();
            return ready.Checks.Messaging.Status == "Healthy" ? "ok" : null;
        }, TimeSpan.FromSeconds(30), "readiness healthy again after the replay");
        output.WriteLine($"poison: parked 1, others delivered {healthy.Count * 2}/{healthy.Count * 2}, replayed 1, failures counted {failures.Count}");
    }

    private async Task<int> TimelineStatusAsync(Guid visitId)
    {
        using var client = tracking.CreateClient(Roles.Ops);
        using var response = await client.GetAsync($"/api/tracking/visits/{visitId}/timeline");
        return (int)response.StatusCode;
    }

    private Task WaitForStepsAsync(Guid visitId, int steps) => Eventually.Until(async () =>
    {
        using var client = tracking.CreateClient(Roles.Ops);
        using var response = await client.GetAsync($"/api/tracking/visits/{visitId}/timeline");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var timeline = await response.ReadAsAsync<VisitTimeline>();
        return timeline.Steps.Count >= steps ? "ok" : null;
    }, TimeSpan.FromSeconds(30), $"{steps} steps on visit {visitId}");

    /// <summary>Listens to the in-process failure counter.</summary>
    private sealed class FailureMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public FailureMeter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TelemetryExtensions.PatientFlowSource && instrument.Name == "patientflow.messaging.failed")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>What /health/ready answers (an anonymous object in ServiceDefaults' HealthResponseWriter), of the checks the messaging one.</summary>
    private sealed record Readiness(string Status, ReadinessChecks Checks);

    private sealed record ReadinessChecks(MessagingCheck Messaging);

    /// <summary>The messaging check's status, and its data: the queue depths, by queue.</summary>
    private sealed record MessagingCheck(string Status, IReadOnlyDictionary<string, long>? Data);
}
