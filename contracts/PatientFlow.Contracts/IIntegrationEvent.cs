namespace PatientFlow.Contracts;

/// <summary>
/// What every PatientFlow integration event carries. Consumers deduplicate on <see cref="EventId"/>:
/// delivery is at least once, and a redelivered event keeps its id.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique, stable id of this event; the same on every redelivery.</summary>
    Guid EventId { get; }

    /// <summary>The patient the event is about.</summary>
    Guid PatientId { get; }

    /// <summary>When it happened in the clinic (may be earlier than <see cref="RecordedAt"/> for a back-dated entry).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>When PatientFlow recorded it.</summary>
    DateTimeOffset RecordedAt { get; }
}

/// <summary>An integration event that belongs to one visit.</summary>
public interface IVisitEvent : IIntegrationEvent
{
    /// <summary>
    /// The visit id: the appointment id minted at booking. Every later stage, claim and feed carries it.
    /// </summary>
    Guid VisitId { get; }
}
