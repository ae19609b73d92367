using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>
/// Kestrel's limits, tighter than its defaults: a request body of 1 MB (an endpoint that takes files says how much
/// with <see cref="WithRequestBodyLimit{TBuilder}"/>), 16 KB of headers in at most 50 fields, an 8 KB request line.
/// Each is Kestrel's own setting under <c>Kestrel:Limits</c>. A body over the limit is answered 413: at once when its
/// length is declared (<see cref="DeclaredBodyLimit"/>), else when reading reaches the limit.
/// </summary>
public static class RequestLimits
{
    public const long MaxRequestBodySize = 1024 * 1024;
    public const int MaxRequestHeadersTotalSize = 16 * 1024;
    public const int MaxRequestHeaderCount = 50;
    public const int MaxRequestLineSize = 8 * 1024;

    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            var limits = configuration.GetSection("Kestrel:Limits");
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.GetValue<long?>(nameof(MaxRequestBodySize)) ?? MaxRequestBodySize;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.GetValue<int?>(nameof(MaxRequestHeadersTotalSize)) ?? MaxRequestHeadersTotalSize;
            kestrel.Limits.MaxRequestHeaderCount = limits.GetValue<int?>(nameof(MaxRequestHeaderCount)) ?? MaxRequestHeaderCount;
            kestrel.Limits.MaxRequestLineSize = limits.GetValue<int?>(nameof(MaxRequestLineSize)) ?? MaxRequestLineSize;
        });
        return builder;
    }

    /// <summary>Lets this endpoint's request body grow to <paramref name="bytes"/> (routing applies it before the body is read).</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder endpoint, long bytes) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new RequestBodyLimit(bytes));
}

/// <summary>Endpoint metadata: the largest request body the endpoint takes, in bytes.</summary>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>
/// A body whose declared length is over the endpoint's limit is refused before the endpoint runs, so the gateway
/// forwards nothing of it; undeclared (chunked) bodies are cut off by Kestrel when reading reaches the limit.
/// The refusal says <c>Connection: close</c>: the body is never read, so the connection cannot carry another request, and
/// a client that sent the body whole must not send its next request on it. (Without the header Kestrel closes it all
/// the same once it fails to drain the body, and the client's next request on it is reset.)
/// </summary>
public sealed class DeclaredBodyLimit(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength is { } length
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { MaxRequestBodySize: { } limit }
            && length > limit)
        {
            // On starting, not now: the problem details handler clears the headers before it writes the 413.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Connection = "close";
                return Task.CompletedTask;
            });
            throw new Microsoft.AspNetCore.Http.BadHttpRequestException($"Request body too large: {length} bytes declared, {limit} allowed.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
