using System.Text.Json;
using Marten;
using PatientFlow.Tracking.Integrators.Catalog;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>A step's payload read back into the integration event it was written from.</summary>
public static class FeedPayloads
{
    /// <summary>The contract type the step names; null for a name no contract has any more.</summary>
    public static Type? ContractOf(JourneyStepRecorded step) => FeedTypes.ByName.GetValueOrDefault(step.EventType);

    /// <summary>
    /// The event, or null when the step kept no payload (logged before payloads were kept) or names no known contract.
    /// </summary>
    /// <exception cref="JsonException">The payload does not satisfy its contract.</exception>
    public static IVisitEvent? Read(JourneyStepRecorded step) =>
        step.Payload is { } payload && ContractOf(step) is { } contract
            ? (IVisitEvent?)payload.Deserialize(contract, ContractJson.Options)
            : null;

    /// <summary>A visit's events in log order, up to and including <paramref name="position"/>; steps without a payload are left out.</summary>
    public static async Task<IReadOnlyList<IVisitEvent>> VisitUpToAsync(IQuerySession session, Guid visitId, long position, CancellationToken ct)
    {
        var stream = await session.Events.FetchStreamAsync(visitId, token: ct);
        return [.. stream
            .Where(e => e.Sequence <= position)
            .OrderBy(e => e.Sequence)
            .Select(e => e.Data is JourneyStepRecorded step ? Read(step) : null)
            .OfType<IVisitEvent>()];
    }
}
