using Microsoft.AspNetCore.Http;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>
/// Before any token is read: a request no endpoint matches is 404 for everyone (the fallback policy would otherwise make
/// it 401 for the anonymous), and with an internal port, its endpoints answer only there and nothing else does.
/// </summary>
public sealed class EndpointGate(RequestDelegate next, InternalPort internalPort)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var wrongPort = internalPort.Port is not null
            && endpoint?.Metadata.GetMetadata<InternalEndpoint>() is not null != internalPort.Received(context);
        if (endpoint is null || wrongPort)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
