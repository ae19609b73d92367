using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientFlow.Tracking.Catalog;

namespace PatientFlow.Tracking.Feed;

/// <summary>
/// A feed event in its CloudEvents 1.0 structured-JSON envelope, in the subscriber's scope: the bytes every external
/// delivery (SSE, gRPC, webhooks, Dapr) carries. Built by the same code as the catalog's examples
/// (<see cref="CloudEventEnvelope"/>), so what is documented is what is sent.
/// </summary>
public static class FeedEnvelope
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static JsonObject Build(FeedEntry entry, PayloadScope scope)
    {
        var clinical = JsonNode.Parse(entry.Data.GetRawText())!.AsObject();
        var data = scope == PayloadScope.Clinical ? clinical : PayloadScopes.IdsOnly(clinical);
        var step = entry.Step;
        return CloudEventEnvelope.Wrap(step.EventType, step.SourceEventId, step.VisitId, step.OccurredAt, step.RecordedAt, data, entry.Position, step.Clinic);
    }

    /// <summary>UTF-8 JSON on one line: a webhook's signed body, an SSE frame's data.</summary>
    public static byte[] Encode(FeedEntry entry, PayloadScope scope) => Encoding.UTF8.GetBytes(Build(entry, scope).ToJsonString(Compact));
}
