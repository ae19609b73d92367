using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using PatientFlow.Tracking.Catalog;

namespace PatientFlow.Tracking.Feed;

/// <summary>
/// A feed event as a CloudEvents 1.0 event, written in structured JSON mode: the envelope every external delivery
/// (SSE, gRPC, webhooks, Dapr) carries. The catalog (<c>docs/integrators/asyncapi.json</c>) documents each type.
/// </summary>
public static class CloudEventEnvelope
{
    public const string ContentType = "application/cloudevents+json";

    /// <summary>The feed position, zero-padded so its text sorts like the number (the CloudEvents sequence extension).</summary>
    public static readonly CloudEventAttribute Sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);

    /// <summary>When the producing service recorded the event; <c>time</c> is when it happened in the clinic.</summary>
    public static readonly CloudEventAttribute RecordedTime = CloudEventAttribute.CreateExtension("recordedtime", CloudEventAttributeType.Timestamp);

    public static readonly CloudEventAttribute Clinic = CloudEventAttribute.CreateExtension("clinic", CloudEventAttributeType.String);

    public static readonly IReadOnlyList<CloudEventAttribute> Extensions = [Sequence, RecordedTime, Clinic];

    private static readonly JsonEventFormatter Formatter = new(FeedJson.Options, new JsonDocumentOptions());

    public static CloudEvent From(FeedEntry entry, PayloadScope scope)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, Extensions)
        {
            Id = entry.Step.SourceEventId.ToString("D"),
            Source = new Uri($"/patientflow/{entry.Producer}", UriKind.Relative),
            Type = entry.Type,
            Subject = entry.Step.VisitId.ToString("D"),
            Time = entry.Step.OccurredAt,
            DataContentType = MediaTypeNames.Application.Json,
            Data = DataOf(entry, scope),
        };
        cloudEvent[Sequence] = SequenceOf(entry.Position);
        cloudEvent[RecordedTime] = entry.Step.RecordedAt;
        if (entry.Step.Clinic is { } clinic)
        {
            cloudEvent[Clinic] = clinic;
        }

        return cloudEvent;
    }

    /// <summary>The structured-mode JSON of the event: the bytes a webhook signs and an SSE frame carries.</summary>
    public static byte[] Encode(FeedEntry entry, PayloadScope scope) =>
        Formatter.EncodeStructuredModeMessage(From(entry, scope), out _).ToArray();

    public static CloudEvent Decode(ReadOnlyMemory<byte> json) => Formatter.DecodeStructuredModeMessage(json, null, Extensions);

    public static string SequenceOf(long position) => position.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement DataOf(FeedEntry entry, PayloadScope scope) => scope switch
    {
        PayloadScope.Clinical => entry.Data,
        _ => FeedJson.ToElement(PayloadScopes.IdsOnly(JsonNode.Parse(entry.Data.GetRawText())!.AsObject())),
    };
}
