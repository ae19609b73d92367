namespace PatientFlow.Tracking.Integrators.Webhooks;

public enum DeliveryStatus
{
    Pending,
    Delivered,
    DeadLettered,
}

/// <summary>
/// One feed event on its way to one subscription. A visit's deliveries go one at a time in feed order: a later one
/// waits while an earlier one of the same visit is pending. The body is kept, byte for byte, until it is delivered,
/// so every retry sends and signs the same content.
/// </summary>
public sealed record WebhookDelivery(
    string Id,
    Guid SubscriptionId,
    long Position,
    Guid VisitId,
    Guid EventId,
    string EventType,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? FirstAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? Body,
    IReadOnlyList<DeliveryAttempt> Log,
    Guid? PatientId = null)
{
    public static string IdOf(Guid subscriptionId, long position) => $"{subscriptionId:N}:{position:D20}";
}

/// <summary>One attempt, for the subscription's delivery log: when, how long, and what the receiver answered.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error, double Milliseconds);
