using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// The outermost middleware: gives each request its <see cref="RequestAudit"/> and, just before the answer starts,
/// records what no handler did: a 401 or 403 from authorization, a 404 or 400 from the exception handler. So every
/// request to an audited route leaves exactly one record.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditRecorder recorder, ILogger<AuditMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var audit = new RequestAudit();
        context.Features.Set(audit);
        context.Response.OnStarting(() => audit.Recorded ? Task.CompletedTask : RecordAsync(context, audit));
        return next(context);
    }

    private async Task RecordAsync(HttpContext context, RequestAudit audit)
    {
        var status = context.Response.StatusCode;
        try
        {
            await recorder.RecordAsync(context, audit, status, [], answer: null);
        }
        catch (Exception exception) when (status >= StatusCodes.Status400BadRequest)
        {
            // A refusal or an error carries no patient data: it is answered, and the lost record is logged (by route and
            // trace, never by patient). A success whose record failed throws instead, so its data never leaves.
            logger.LogError(exception, "Audit record for {Method} {Path} ({Status}) could not be written", context.Request.Method,
                context.GetEndpoint()?.DisplayName ?? "(endpoint)", status);
        }
    }

    /// <summary>Puts the middleware in front of the whole pipeline, before routing, so no answer escapes it.</summary>
    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<AuditMiddleware>();
            next(app);
        };
    }
}
