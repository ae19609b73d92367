using JasperFx.Events;
using PatientFlow.Contracts;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// A service's translation of its committed domain events into public integration events.
/// Return null for events that stay inside the service. Use <see cref="IEvent.Id"/> as the
/// integration event id and <see cref="IEvent.Timestamp"/> as its RecordedAt, so a republished
/// event keeps its identity and consumers recognise it.
/// </summary>
public interface IIntegrationEventMapper
{
    IIntegrationEvent? Map(IEvent committed);
}
