using Marten;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Opening;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Intake.Integration;

/// <summary>A checked-in patient gets an encounter whose id is the visit id.</summary>
public sealed class PatientCheckedInConsumer(IDocumentStore store, ILogger<PatientCheckedInConsumer> logger)
    : IdempotentConsumer<PatientCheckedIn>(store, logger)
{
    protected override async Task HandleAsync(PatientCheckedIn message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var existing = await session.Events.AggregateStreamAsync<Encounter>(message.VisitId, token: cancellationToken);
        var command = new OpenEncounter(message.VisitId, message.PatientId, message.ProviderId, message.Clinic, message.OccurredAt);
        var events = OpenEncounterDecider.Decide(existing, command);
        if (events.Count == 0)
        {
            logger.LogInformation("Encounter {VisitId} already open; check-in {EventId} changes nothing", message.VisitId, message.EventId);
            return;
        }

        // StartStream fails on a concurrent duplicate; the retry then finds the stream and does nothing.
        session.Events.StartStream<Encounter>(message.VisitId, events);
        logger.LogInformation("Opened encounter {VisitId} for check-in {EventId}", message.VisitId, message.EventId);
    }
}
