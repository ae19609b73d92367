using Microsoft.AspNetCore.Http;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>
/// Headers on every answer of every process (the gateway sets the same ones on what it relays): no MIME sniffing, no
/// referrer, never framed, and <c>no-store</c> on API answers, which carry patients' data.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// The pages (tracking's, under <c>web/</c>) load their scripts and stylesheet from <c>/assets</c>, call the API and
    /// read the event stream on the same origin, and have no inline script or style; the icon is a <c>data:</c> URL.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // Pages and their assets say for themselves how to be cached (they hold no data); API answers never are.
            if (http.Request.Path.StartsWithSegments("/api") || headers.CacheControl.Count == 0)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
