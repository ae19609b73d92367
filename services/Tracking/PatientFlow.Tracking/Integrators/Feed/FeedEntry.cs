using System.Text.Json;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// One event of the integrator feed: a journey step at its position in tracking's log. Positions only grow;
/// an integrator resumes after the last position it kept.
/// </summary>
/// <param name="Position">Tracking's global event sequence number: the replay position.</param>
/// <param name="Step">The step, with the integration event as its payload.</param>
/// <param name="LoggedAt">When tracking's log took it (the database's clock): what <c>since</c> replays from.</param>
public sealed record FeedEntry(long Position, JourneyStepRecorded Step, DateTimeOffset LoggedAt)
{
    /// <summary>The CloudEvents type: <c>org.patientflow.scheduling.appointment-booked.v1</c>.</summary>
    public string Type => TypePrefix + Step.EventType;

    public const string TypePrefix = "org.patientflow.";

    /// <summary>The producing service: the first part of the event type.</summary>
    public string Producer => Step.EventType.Split('.')[0];

    /// <summary>The event as the producer published it; for steps logged before payloads were kept, what the step knew.</summary>
    public JsonElement Data => Step.Payload ?? JsonSerializer.SerializeToElement(new
    {
        eventId = Step.SourceEventId,
        visitId = Step.VisitId,
        patientId = Step.PatientId,
        occurredAt = Step.OccurredAt,
        recordedAt = Step.RecordedAt,
        clinic = Step.Clinic,
    }, Journeys.ContractJson.Options);
}
