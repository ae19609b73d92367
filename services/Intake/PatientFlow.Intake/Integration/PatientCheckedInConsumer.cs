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
        var command = new OpenEncounter(message.VisitId, message.PatientId, message.ProviderId, message.Clinic, message.OccurredAt);
        // A concurrent duplicate fails the version check at save; the retry then finds the encounter and decides nothing.
        var (_, events) = await session.AppendAsync<Encounter>(
            message.VisitId, existing => Task.FromResult(OpenEncounterDecider.Decide(existing, command)), notFound: null, cancellationToken);
        if (events.Count == 0)
        {
            logger.LogInformation("Encounter {VisitId} already open; check-in {EventId} changes nothing", message.VisitId, message.EventId);
            return;
        }

        logger.LogInformation("Opened encounter {VisitId} for check-in {EventId}", message.VisitId, message.EventId);
    }
}
