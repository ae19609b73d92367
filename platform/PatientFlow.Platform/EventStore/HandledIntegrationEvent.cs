namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Marks an integration event as handled by this service. Written in the same Marten transaction
/// as the handler's effects and kept as long as the service's data, so a redelivery at any later
/// time is recognised.
/// </summary>
public sealed record HandledIntegrationEvent(Guid Id, string MessageType, DateTimeOffset HandledAt);
