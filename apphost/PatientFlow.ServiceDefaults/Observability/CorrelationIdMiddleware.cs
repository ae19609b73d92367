using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PatientFlow.ServiceDefaults.Observability;

/// <summary>
/// Every request has a correlation id: the caller's <c>X-Correlation-Id</c> or a new one. It is
/// echoed in the response, put on the trace and the log scope, and (through the gateway) forwarded
/// to the service, whose Marten session stamps it on the events the request appends.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationHeader.Name].ToString();
        var correlationId = IsUsable(incoming) ? incoming : Guid.CreateVersion7().ToString("N");
        context.Request.Headers[CorrelationHeader.Name] = correlationId;
        context.Items[CorrelationHeader.Name] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationHeader.Name] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", correlationId);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    // Only short, plain tokens are trusted from outside; anything else is replaced.
    private static bool IsUsable(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
