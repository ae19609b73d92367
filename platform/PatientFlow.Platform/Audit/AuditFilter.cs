using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// Writes the record of an audited request that reached its handler, after the handler decided and before its answer is
/// written: a record that cannot be written throws, so the answer never leaves (fail closed). The patients are read
/// from the answer (<see cref="PatientIdsInAnswer"/>).
/// </summary>
public sealed class AuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.Features.Get<RequestAudit>() is not { Recorded: false } audit)
        {
            return result;
        }

        var recorder = http.RequestServices.GetRequiredService<AuditRecorder>();
        var answer = result is IValueHttpResult valued ? valued.Value : result;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        await recorder.RecordAsync(http, audit, status, PatientIdsInAnswer.Of(answer), answer);
        return result;
    }
}
