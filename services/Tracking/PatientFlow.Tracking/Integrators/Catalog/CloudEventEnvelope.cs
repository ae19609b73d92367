using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// The CloudEvents 1.0 structured-mode JSON envelope (<c>application/cloudevents+json</c>) every visit event is
/// delivered in, and its JSON schema. One place builds both, so the published document and deliveries agree.
/// </summary>
public static class CloudEventEnvelope
{
    /// <summary>The media type of an envelope.</summary>
    public const string ContentType = "application/cloudevents+json";

    /// <summary>The CloudEvents <c>type</c> attribute: <c>org.patientflow.scheduling.appointment-booked.v1</c>.</summary>
    public static string TypeOf(Type contract) => "org.patientflow." + ContractSteps.NameOf(contract);

    /// <summary>The CloudEvents <c>source</c> attribute: the producing service, <c>/patientflow/scheduling</c>.</summary>
    public static string SourceOf(Type contract) => "/patientflow/" + ContractSteps.NameOf(contract).Split('.')[0];

    /// <summary>
    /// The <c>sequence</c> extension: the feed position as 20 zero-padded digits, so that comparing two values as
    /// strings (as the CloudEvents sequence extension prescribes) orders them as the feed does.
    /// </summary>
    public static string SequenceOf(long position) =>
        position >= 0
            ? position.ToString("D20", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(position), position, "A feed position is never negative.");

    /// <summary>
    /// The envelope of one event at a feed position, around <paramref name="data"/> of the subscription's scope
    /// (which becomes the envelope's child). <c>clinic</c> is left out when <paramref name="clinic"/> is null.
    /// </summary>
    public static JsonObject Wrap(IVisitEvent message, JsonObject data, long position, string? clinic)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Wrap(ContractSteps.NameOf(message.GetType()), message.EventId, message.VisitId, message.OccurredAt, message.RecordedAt, data, position, clinic);
    }

    /// <summary>The envelope from the event's name (<c>scheduling.appointment-booked.v1</c>) and attributes, as the feed's log keeps them.</summary>
    public static JsonObject Wrap(
        string eventName, Guid eventId, Guid visitId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, JsonObject data, long position, string? clinic)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = eventId.ToString("D"),
            ["source"] = "/patientflow/" + eventName.Split('.')[0],
            ["type"] = "org.patientflow." + eventName,
            ["subject"] = visitId.ToString("D"),
            ["time"] = JsonSerializer.SerializeToNode(occurredAt, ContractJson.Options),
            ["datacontenttype"] = "application/json",
            ["sequence"] = SequenceOf(position),
            ["recordedtime"] = JsonSerializer.SerializeToNode(recordedAt, ContractJson.Options),
        };
        if (clinic is not null)
            envelope["clinic"] = clinic;
        envelope["data"] = data;
        return envelope;
    }

    /// <summary>The envelope's schema; each message narrows <c>type</c>, <c>source</c> and <c>data</c>.</summary>
    internal static JsonObject Schema() => new()
    {
        ["description"] = "A CloudEvents 1.0 event in structured-mode JSON (`application/cloudevents+json`).",
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["specversion"] = Attribute("string", "CloudEvents version.", constant: "1.0"),
            ["id"] = Attribute("string", "The event's `eventId`: unique, and the same on every redelivery. Deduplicate on it.", format: "uuid"),
            ["source"] = Attribute("string", "The producing service: `/patientflow/` and its name.", pattern: "^/patientflow/[a-z]+$"),
            ["type"] = Attribute("string", "`org.patientflow.` followed by the producer, the event's name and its version."),
            ["subject"] = Attribute("string", "The visit id (`visitId`).", format: "uuid"),
            ["time"] = Attribute("string", "When it happened in the clinic (`occurredAt`), RFC 3339.", format: "date-time"),
            ["datacontenttype"] = Attribute("string", "Media type of `data`.", constant: "application/json"),
            ["sequence"] = Attribute("string", "Extension: the feed position, 20 zero-padded digits; string order is feed order. Resume after the last one processed.", pattern: "^[0-9]{20}$"),
            ["recordedtime"] = Attribute("string", "Extension: when PatientFlow recorded it (`recordedAt`), RFC 3339; later than `time` for a back-dated entry.", format: "date-time"),
            ["clinic"] = Attribute("string", "Extension: the visit's clinic, absent while PatientFlow does not know it."),
            ["data"] = new JsonObject { ["description"] = "The event in the subscription's scope.", ["type"] = "object" },
        },
        ["required"] = new JsonArray("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "sequence", "recordedtime", "data"),
    };

    private static JsonObject Attribute(string type, string description, string? format = null, string? pattern = null, string? constant = null)
    {
        var schema = new JsonObject { ["description"] = description, ["type"] = type };
        if (format is not null) schema["format"] = format;
        if (pattern is not null) schema["pattern"] = pattern;
        if (constant is not null) schema["const"] = constant;
        return schema;
    }
}
