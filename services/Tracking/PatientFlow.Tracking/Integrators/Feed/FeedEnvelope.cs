using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientFlow.Tracking.Integrators.Catalog;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// A feed event in its CloudEvents 1.0 structured-JSON envelope, in the subscriber's scope: the bytes every external
/// delivery (SSE, gRPC, webhooks, Dapr) carries. <see cref="Build"/> goes through the catalog's own envelope
/// (<see cref="CloudEventEnvelope"/>), so what is documented is what is sent; <see cref="Encode"/> writes the same
/// envelope straight from the stored event, without building a document first, because a replay writes thousands a second.
/// </summary>
public static class FeedEnvelope
{
    public static JsonObject Build(FeedEntry entry, PayloadScope scope)
    {
        var clinical = JsonNode.Parse(entry.Data.GetRawText())!.AsObject();
        var data = scope == PayloadScope.Clinical ? clinical : PayloadScopes.IdsOnly(clinical);
        var step = entry.Step;
        return CloudEventEnvelope.Wrap(step.EventType, step.SourceEventId, step.VisitId, step.OccurredAt, step.RecordedAt, data, entry.Position, step.Clinic);
    }

    /// <summary>UTF-8 JSON on one line: a webhook's signed body, an SSE frame's data.</summary>
    public static byte[] Encode(FeedEntry entry, PayloadScope scope) =>
        Write(entry, "application/json", writer => WriteData(writer, entry.Data, scope));

    /// <summary>The envelope around other data than the event itself: a FHIR Bundle for a FHIR webhook.</summary>
    public static byte[] Encode(FeedEntry entry, string dataContentType, string json) =>
        Write(entry, dataContentType, writer => writer.WriteRawValue(json));

    private static byte[] Write(FeedEntry entry, string dataContentType, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteEnvelope(writer, entry, dataContentType, writeData);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEnvelope(Utf8JsonWriter writer, FeedEntry entry, string dataContentType, Action<Utf8JsonWriter> writeData)
    {
        var step = entry.Step;
        writer.WriteStartObject();
        writer.WriteString("specversion", "1.0");
        writer.WriteString("id", step.SourceEventId.ToString("D"));
        writer.WriteString("source", "/patientflow/" + entry.Producer);
        writer.WriteString("type", entry.Type);
        writer.WriteString("subject", step.VisitId.ToString("D"));
        writer.WriteString("time", step.OccurredAt);
        writer.WriteString("datacontenttype", dataContentType);
        writer.WriteString("sequence", CloudEventEnvelope.SequenceOf(entry.Position));
        writer.WriteString("recordedtime", step.RecordedAt);
        if (step.Clinic is { } clinic)
        {
            writer.WriteString("clinic", clinic);
        }

        writer.WritePropertyName("data");
        writeData(writer);
        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, JsonElement data, PayloadScope scope)
    {
        if (scope == PayloadScope.Clinical)
        {
            data.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in data.EnumerateObject().Where(property => PayloadScopes.KeepsInIds(property.Name)))
        {
            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
