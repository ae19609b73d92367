using Marten;
using PatientFlow.Platform.Messaging;
using PatientFlow.Tracking.Board;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integration;

/// <summary>Appends every visit event, whichever service sent it, to the visit's journey stream.</summary>
public sealed class JourneyConsumer<TEvent>(IDocumentStore store, ILogger<JourneyConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent>(store, logger)
    where TEvent : class, IVisitEvent
{
    protected override async Task HandleAsync(TEvent message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var step = ContractSteps.ToStep(message);
        var journey = await session.Events.FetchLatest<VisitJourney>(message.VisitId, cancellationToken);
        // Every step names the visit's clinic, so the integrator feed can filter by clinic in one read of its log.
        step = step with { Clinic = step.Clinic ?? journey?.Clinic };
        if (journey is null)
        {
            // Two first events of one visit may race here: the loser's save fails on the stream id,
            // MassTransit retries it, and the retry finds the stream and appends.
            session.Events.StartStream<VisitJourney>(message.VisitId, step);
        }
        else
        {
            session.Events.Append(message.VisitId, step);
        }

        BoardListener.Notify(session, message.VisitId);
        logger.LogInformation("Visit {VisitId}: journey step {EventType} from {EventId}", message.VisitId, step.EventType, message.EventId);
    }
}
