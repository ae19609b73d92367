namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>The AsyncAPI <c>info.description</c>: what an integrator needs before reading the messages.</summary>
internal static class FeedDescription
{
    public const string Text = """
        Every event of a patient's visit, from booking to claim, in the order PatientFlow recorded them. Each is a
        CloudEvents 1.0 event in structured-mode JSON (`application/cloudevents+json`); its `data` is the event's
        contract, a `PatientFlow.Contracts.<Producer>.V1` record.

        ## Envelope
        `specversion` `1.0`; `id` the event's `eventId`; `source` `/patientflow/<producer>`; `type`
        `org.patientflow.<producer>.<event>.v<n>`; `subject` the visit id; `time` when it happened in the clinic
        (RFC 3339); `datacontenttype` `application/json`; `data` the event. Extension attributes: `sequence` the feed
        position, 20 zero-padded digits; `recordedtime` when PatientFlow recorded it (RFC 3339; later than `time` for a
        back-dated entry); `clinic` the visit's clinic, absent while unknown. No `dataschema` is sent: the message's
        `type` names its schema here.

        ## Ordering
        The feed has one global order, the feed position (`sequence`): compare positions as strings or as numbers.
        Events of one visit arrive in that order; events of different visits interleave.

        ## Delivery and replay
        At least once. A redelivered event keeps its `id` and `sequence`: deduplicate on `id`. A subscription can
        replay: start after a feed position (the last `sequence` processed) or from a point in time.

        ## Scopes
        Chosen per subscription, within what the subscriber's token grants (see the security scheme): `clinical` needs
        the token scope `feed.clinical`, `ids` `feed.ids` or `feed.clinical`.
        `clinical`: `data` is the whole contract. `ids`: `data` keeps only `eventId`,
        `visitId`, `patientId`, `occurredAt`, `recordedAt`, `clinic` (when the contract has it) and every other
        top-level property whose name ends in `Id`; everything else is left out, so a subscriber holds no clinical
        content and looks details up through a read API. Each message's `data` is `anyOf` two schemas under
        `components.schemas`: `<producer>.<event>.v<n>` (clinical) and `<producer>.<event>.v<n>.ids`; validate
        against the one of your subscription's scope. Each message has an example of each scope.

        ## Serialization of `data`
        System.Text.Json with web defaults: camelCase property names, enums as kebab-case strings, every property
        written (`null` rather than omitted), numbers as JSON numbers, times RFC 3339 with offset, dates
        `yyyy-MM-dd`, ids as GUID strings. Ignore properties you do not know: a contract may gain properties within
        its version; a breaking change is a new version (`.v2`), so a new `type`.

        ## Delivery channels
        The same envelopes, by whichever suits the subscriber:
        - gRPC: the `Subscribe` server stream.
        - Server-sent events: `GET /api/tracking/feed/events`, one envelope per event.
        - Webhooks: one envelope per HTTP POST, signed per Standard Webhooks: headers `webhook-id`,
          `webhook-timestamp` (Unix seconds) and `webhook-signature`, `v1,` followed by the base64 HMAC-SHA256 of
          `<webhook-id>.<webhook-timestamp>.<body>` under the endpoint's secret. Reject stale timestamps.
        - Dapr pub/sub: published to the topic `visit-events`.

        Beside the feed: FHIR R4 read endpoints serve the state these events build, to look up what an `ids`
        event refers to; HL7 v2 over MLLP carries the visit's events as HL7 v2 messages for interface engines.
        """;
}
