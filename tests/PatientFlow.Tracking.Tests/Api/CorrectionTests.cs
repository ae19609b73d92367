using System.Net;
using System.Net.Http.Json;
using Marten;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Api;

/// <summary>
/// A back-dated correction shows on the timeline in place of the value it corrects, the original stays
/// visible, stage times follow the correction, and ?asOf= shows what tracking knew before it.
/// </summary>
public class CorrectionTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    private readonly HttpClient _ops = factory.CreateClient(Roles.Ops);

    [Fact]
    public async Task ArrivalCorrected_TenMinutesEarlierAfterRooming_TimelineAndStageTimesUseCorrectedTimeAndKeepTheOriginal()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(-2));
        var checkedIn = visit.CheckedIn(minute: 0);
        await factory.PublishAllAsync([visit.Booked(), checkedIn, visit.Roomed(minute: 10)]);
        var known = await factory.WaitForTimelineAsync(visit.VisitId, 3);
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var corrected = visit.ArrivalCorrected(wrongMinute: 0, rightMinute: -10, recordedMinute: 15);

        await factory.PublishAllAsync([corrected]);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, 4);

        known.Stage("arrived").Should().Be(new StageTimeView("arrived", visit.At(0), visit.At(10), 10));
        var arrival = timeline.Steps.Single(step => step.SourceEventId == checkedIn.EventId);
        arrival.OccurredAt.Should().Be(visit.At(-10), "the timeline shows the corrected arrival");
        arrival.OriginalOccurredAt.Should().Be(visit.At(0), "and keeps what was first recorded");
        arrival.CorrectedBy.Should().Be(corrected.EventId);
        arrival.SupersededAt.Should().Be(visit.At(15));
        var correction = timeline.Steps.Single(step => step.SourceEventId == corrected.EventId);
        correction.EventType.Should().Be("scheduling.arrival-time-corrected.v1");
        correction.OccurredAt.Should().Be(visit.At(-10));
        correction.Corrects.Should().Be(checkedIn.EventId);
        timeline.Stage("arrived").Should().Be(new StageTimeView("arrived", visit.At(-10), visit.At(10), 20), "the wait for a room starts at the corrected arrival");
        timeline.CurrentStage.Should().Be("roomed");
        timeline.Stage("roomed").Should().Be(new StageTimeView("roomed", visit.At(10), null, null));

        // The history keeps the step as first recorded; ?asOf= before the correction answers what tracking showed then.
        await using var session = factory.Store.QuerySession();
        var recorded = (await session.Events.FetchStreamAsync(visit.VisitId)).Select(e => e.Data).OfType<JourneyStepRecorded>().ToArray();
        recorded.Single(step => step.SourceEventId == checkedIn.EventId).OccurredAt.Should().Be(visit.At(0));
        recorded.Should().HaveCount(4);
        var then = await _ops.GetFromJsonAsync<TimelineView>(
            $"/api/tracking/visits/{visit.VisitId}/timeline?asOf={Uri.EscapeDataString(beforeCorrection.ToString("O"))}");
        then.Should().BeEquivalentTo(known);
        then!.Steps.Single(step => step.SourceEventId == checkedIn.EventId).Should().BeEquivalentTo(
            new { OccurredAt = visit.At(0), OriginalOccurredAt = (DateTimeOffset?)null, CorrectedBy = (Guid?)null });
        var afterCorrection = await _ops.GetFromJsonAsync<TimelineView>(
            $"/api/tracking/visits/{visit.VisitId}/timeline?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))}");
        afterCorrection.Should().BeEquivalentTo(timeline, "folded from the same events, the journey as known now");
    }

    [Fact]
    public async Task ArrivalCorrected_PatientStillWaiting_BoardWaitCountsFromCorrectedArrival()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-30));
        await factory.PublishAllAsync([visit.Booked(), visit.CheckedIn(minute: 0), visit.ArrivalCorrected(wrongMinute: 0, rightMinute: -10, recordedMinute: 5)]);
        await factory.WaitForTimelineAsync(visit.VisitId, 3);

        var board = await _ops.GetFromJsonAsync<BoardView>($"/api/tracking/board?clinic={visit.Clinic}");

        var waiting = board!.Column("arrived").Visits.Should().ContainSingle().Subject;
        waiting.StageEnteredAt.Should().Be(visit.At(-10));
        waiting.MinutesInStage.Should().BeInRange(40, 41, "the patient arrived 40 minutes ago, not 30");
    }

    [Fact]
    public async Task VitalsCorrected_ArrivingBeforeTheVitals_AppliedOnceTheyArrive()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(-2));
        var vitals = visit.Vitals(minute: 20);
        var corrected = visit.VitalsCorrected(vitals.EventId, minute: 18, recordedMinute: 40);

        await factory.PublishAllAsync([visit.Booked(), visit.CheckedIn(), corrected, vitals]);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, 4);

        var taken = timeline.Steps.Single(step => step.SourceEventId == vitals.EventId);
        taken.OccurredAt.Should().Be(visit.At(18));
        taken.OriginalOccurredAt.Should().Be(visit.At(20));
        taken.CorrectedBy.Should().Be(corrected.EventId);
        var correction = timeline.Steps.Single(step => step.SourceEventId == corrected.EventId);
        correction.Should().BeEquivalentTo(new { EventType = "intake.vitals-corrected.v1", Stage = (string?)null, Corrects = vitals.EventId });
        timeline.Stage("intake-done").EnteredAt.Should().Be(visit.At(18));
    }

    [Fact]
    public async Task GetTimelineAsOf_BeforeTheVisitWasKnown_Returns404()
    {
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(-1));
        await factory.PublishAllAsync([visit.Booked()]);
        await factory.WaitForTimelineAsync(visit.VisitId, 1);

        var response = await _ops.GetAsync($"/api/tracking/visits/{visit.VisitId}/timeline?asOf={Uri.EscapeDataString(before.ToString("O"))}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("2026-11-23T09:30:00")]
    [InlineData("yesterday")]
    [InlineData("2026-11-23")]
    public async Task GetTimelineAsOf_NotAnInstantWithOffset_Returns422NamingAsOf(string asOf)
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(-1));
        await factory.PublishAllAsync([visit.Booked()]);
        await factory.WaitForTimelineAsync(visit.VisitId, 1);

        var response = await _ops.GetAsync($"/api/tracking/visits/{visit.VisitId}/timeline?asOf={Uri.EscapeDataString(asOf)}");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        problem.GetProperty("errors").TryGetProperty("asOf", out _).Should().BeTrue();
    }
}
