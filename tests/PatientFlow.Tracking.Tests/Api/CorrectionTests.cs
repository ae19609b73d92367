using System.Net.Http.Json;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Tests.Api;

/// <summary>
/// A back-dated correction shows on the timeline in place of the value it corrects, the original stays
/// visible, stage times follow the correction, and ?asOf= shows what tracking knew before it.
/// </summary>
public class CorrectionTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    [Fact]
    public async Task ArrivalCorrected_TenMinutesEarlier_TimelineAndStageUseCorrectedTimeAndKeepTheOriginal()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(-2));
        var checkedIn = visit.CheckedIn(minute: 0);
        await factory.PublishAllAsync([visit.Booked(), checkedIn]);
        var known = await factory.WaitForTimelineAsync(visit.VisitId, 2);
        known.StageEnteredAt.Should().Be(visit.At(0));
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var corrected = visit.ArrivalCorrected(wrongMinute: 0, rightMinute: -10, recordedMinute: 5);

        await factory.PublishAllAsync([corrected]);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, 3);

        var arrival = timeline.Steps.Single(step => step.SourceEventId == checkedIn.EventId);
        arrival.OccurredAt.Should().Be(visit.At(-10), "the timeline shows the corrected arrival");
        arrival.OriginalOccurredAt.Should().Be(visit.At(0), "and keeps what was first recorded");
        arrival.CorrectedBy.Should().Be(corrected.EventId);
        var correction = timeline.Steps.Single(step => step.SourceEventId == corrected.EventId);
        correction.EventType.Should().Be("scheduling.arrival-time-corrected.v1");
        correction.Corrects.Should().Be(checkedIn.EventId);
        timeline.CurrentStage.Should().Be("arrived");
        timeline.StageEnteredAt.Should().Be(visit.At(-10), "waits are measured from the corrected arrival");

        using var ops = factory.CreateClient(Roles.Ops);
        var then = await ops.GetFromJsonAsync<TimelineView>(
            $"/api/tracking/visits/{visit.VisitId}/timeline?asOf={Uri.EscapeDataString(beforeCorrection.ToString("O"))}");
        then!.Steps.Should().HaveCount(2);
        then.StageEnteredAt.Should().Be(visit.At(0), "before the correction was recorded, tracking knew the first time");
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
        timeline.Steps.Single(step => step.SourceEventId == corrected.EventId).Corrects.Should().Be(vitals.EventId);
    }
}
