using Marten;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Lab.Visits;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Lab.Integration;

/// <summary>Remembers each booked visit so lab orders can be placed against it.</summary>
public sealed class AppointmentBookedConsumer(IDocumentStore store, ILogger<AppointmentBookedConsumer> logger)
    : IdempotentConsumer<AppointmentBooked>(store, logger)
{
    protected override Task HandleAsync(AppointmentBooked message, IDocumentSession session, CancellationToken cancellationToken)
    {
        // An upsert: a republished booking for the same visit writes the same facts again.
        session.Store(new Visit(message.VisitId, message.PatientId, message.ProviderId, message.Clinic));
        logger.LogInformation("Visit {VisitId} known from booking {EventId}", message.VisitId, message.EventId);
        return Task.CompletedTask;
    }
}
