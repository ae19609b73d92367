using Marten;
using Microsoft.Extensions.Logging;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Platform.Visits;

/// <summary>Remembers each booked visit (<see cref="Visit"/>) for a service that takes work against visits; its module names it.</summary>
public sealed class VisitBookedConsumer(IDocumentStore store, ILogger<VisitBookedConsumer> logger)
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
