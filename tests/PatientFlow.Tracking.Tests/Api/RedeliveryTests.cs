using Marten;
using PatientFlow.Contracts;
using PatientFlow.Platform.EventStore;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Api;

/// <summary>
/// A delivery whose save loses a race fails, is retried by the consumer's retry policy, and still leaves
/// exactly one step per event. The race is real: another session commits first and PostgreSQL rejects
/// the loser on the stream id or on the handled-event id.
/// </summary>
[Trait("Category", "Faults")]
public class RedeliveryTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    /// <summary>The session is saving the journey step of <paramref name="eventId"/>.</summary>
    private static bool Saves(IDocumentSession session, Guid eventId) => session.PendingChanges.Streams()
        .SelectMany(stream => stream.Events)
        .Any(e => e.Data is JourneyStepRecorded step && step.SourceEventId == eventId);

    /// <summary>What the consumer commits for <paramref name="message"/>, done by a competing replica.</summary>
    private static Func<IDocumentSession, Task> HandledElsewhere(IVisitEvent message, bool startsTheJourney) => competitor =>
    {
        var step = ContractSteps.ToStep(message);
        if (startsTheJourney)
        {
            competitor.Events.StartStream<VisitJourney>(message.VisitId, step);
        }
        else
        {
            competitor.Events.Append(message.VisitId, step);
        }

        competitor.Insert(new HandledIntegrationEvent(message.EventId, message.GetType().Name, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    };

    [Fact]
    public async Task Publish_FirstEventWhileAnotherReplicaStartsTheJourney_RetriedAndAppendedOnce()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-30));
        var booked = visit.Booked();
        var checkedIn = visit.CheckedIn();
        factory.Interference.Arm(session => Saves(session, checkedIn.EventId), HandledElsewhere(booked, startsTheJourney: true));

        await factory.PublishAsync(checkedIn);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, 2);

        factory.Interference.Attempts.Should().Be(2, "the first save collided on the stream id and the retry appended");
        (await factory.Interference.CommitsAfterAsync(1)).Should().Be(1);
        timeline.Steps.Select(step => step.SourceEventId).Should().Equal(booked.EventId, checkedIn.EventId);
        timeline.CurrentStage.Should().Be("arrived");

        // The booking the other replica handled, delivered here too: still one step.
        using var consumed = factory.CountConsumed(booked.EventId);
        await factory.PublishAsync(booked);
        await consumed.WaitForAsync(times: 1);
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(visit.VisitId)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Publish_SameEventHandledByAnotherReplicaMeanwhile_FailsOnTheHandledIdAndIsSkippedOnRetry()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-30));
        var roomed = visit.Roomed();
        await factory.PublishAllAsync([visit.Booked(), visit.CheckedIn()]);
        await factory.WaitForTimelineAsync(visit.VisitId, 2);
        using var consumed = factory.CountConsumed(roomed.EventId);
        factory.Interference.Arm(session => Saves(session, roomed.EventId), HandledElsewhere(roomed, startsTheJourney: false));

        await factory.PublishAsync(roomed);
        await consumed.WaitForAsync(times: 1);
        var vitals = visit.Vitals();
        await factory.PublishAsync(vitals);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, 4);

        factory.Interference.Attempts.Should().Be(1, "the retry found the event handled and saved nothing");
        factory.Interference.Commits.Should().Be(0, "the losing save rolled back its step with its handled id");
        timeline.Steps.Count(step => step.SourceEventId == roomed.EventId).Should().Be(1);
        timeline.CurrentStage.Should().Be("intake-done");
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(visit.VisitId)).Should().HaveCount(4);
    }
}
