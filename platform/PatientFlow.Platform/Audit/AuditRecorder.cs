using Microsoft.AspNetCore.Http;

namespace PatientFlow.Platform.Audit;

/// <summary>Turns a request into its entry and appends it to the service's chain; switched off only in a measuring run.</summary>
public sealed class AuditRecorder(AuditTrail trail, AuditSettings settings, TimeProvider time)
{
    public async Task RecordAsync(HttpContext context, RequestAudit audit, int statusCode, IEnumerable<Guid> patientIds, object? answer)
    {
        if (settings.Off)
        {
            return;
        }

        if (RequestAudit.EntryOf(context, settings.Service, statusCode, patientIds, answer, time.GetUtcNow()) is { } entry)
        {
            // Written even when the caller has gone: the access happened.
            await trail.AppendAsync(entry, CancellationToken.None);
            audit.Recorded = true;
        }
    }
}
