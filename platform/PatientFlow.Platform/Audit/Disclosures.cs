using System.Diagnostics;
using System.Security.Claims;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// One message that carried patient data out of the platform apart from a request's answer: an event on the SSE or gRPC
/// feed, a webhook delivery, an HL7 message. Ids only: the message's id, the patients it is about, where it went.
/// </summary>
/// <param name="Recipient">Who it was disclosed to: the subscriber's token subject, or the client that registered the webhook or HL7 destination.</param>
/// <param name="Channel">The resource type recorded: <c>feed-event</c>, <c>webhook-delivery</c>, <c>hl7-message</c>.</param>
/// <param name="Route">How it went, e.g. <c>SSE GET /api/tracking/feed/events</c> or <c>webhook POST receiver.example.org</c>.</param>
/// <param name="StatusCode">The receiver's answer where it gives one (HTTP status; 200 for an HL7 AA); 200 for a stream.</param>
public sealed record Disclosure(
    string Recipient, IReadOnlyList<string> Roles, IReadOnlyList<string> Clinics, string Channel, string MessageId,
    IReadOnlyList<Guid> PatientIds, int StatusCode, string Route)
{
    /// <summary>A message sent to the signed-in caller of a stream.</summary>
    public static Disclosure To(ClaimsPrincipal user, string channel, string messageId, Guid? patientId, string route) => new(
        user.Subject(), [.. user.FindAll(TokenClaims.Role).Select(claim => claim.Value)], user.Clinics(), channel, messageId,
        patientId is { } id ? [id] : [], 200, route);

    public AuditEntry ToEntry(string service, DateTimeOffset at) => new(
        at, service, Recipient, Roles, Clinics, AuditAction.Disclosure, Channel, MessageId, PatientIds,
        AuditEntry.OutcomeOf(StatusCode), StatusCode, Route, null, Activity.Current?.TraceId.ToString());
}

/// <summary>
/// Writes <see cref="Disclosure"/>s to the service's audit chain, several in one transaction. A stream records what it is
/// about to send before it sends it, and a push (webhook, HL7) records an attempt before marking it delivered, so a
/// message never leaves unrecorded: if the record cannot be written, the message is not sent (or is sent again later).
/// </summary>
public sealed class Disclosures(AuditTrail trail, AuditSettings settings, TimeProvider time)
{
    public Task RecordAsync(Disclosure disclosure, CancellationToken ct) => RecordAsync([disclosure], ct);

    public async Task RecordAsync(IReadOnlyList<Disclosure> disclosures, CancellationToken ct)
    {
        if (settings.Off || disclosures.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await trail.AppendAsync([.. disclosures.Select(disclosure => disclosure.ToEntry(settings.Service, now))], ct);
    }
}
