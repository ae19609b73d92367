using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayRateLimitOptions>()
            .BindConfiguration(GatewayRateLimitOptions.Section)
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0 && o.PerAddress.PermitsPerSecond > 0 && o.PerAddress.Burst > 0,
                "Gateway:RateLimit values must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        return builder;
    }

    /// <summary>
    /// One token bucket per client address, before any token is read: a flood of requests, with bad tokens or none, is
    /// answered 429 without validating a single one.
    /// </summary>
    public static WebApplication UseAddressRateLimit(this WebApplication app) =>
        UseLimit(app, limits => limits.PerAddress, context => $"ip:{context.Connection.RemoteIpAddress}");

    /// <summary>
    /// One token bucket per caller after authentication: the token's subject, or the address when anonymous, so callers
    /// behind one address do not share a budget.
    /// </summary>
    public static WebApplication UseCallerRateLimit(this WebApplication app) =>
        UseLimit(app, limits => limits, context => context.User.FindFirst("sub")?.Value is { Length: > 0 } subject
            ? $"sub:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}");

    // Health probes and the internal port are never limited, so an orchestrator cannot starve itself of readiness answers.
    private static WebApplication UseLimit(WebApplication app, Func<GatewayRateLimitOptions, TokenBucket> pick, Func<HttpContext, string> partition)
    {
        var limits = pick(app.Services.GetRequiredService<IOptions<GatewayRateLimitOptions>>().Value);
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = limits.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        app.UseRateLimiter(new RateLimiterOptions
        {
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health") || context.ArrivedOnInternalPort()
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetTokenBucketLimiter(partition(context), _ => bucket)),
            OnRejected = WriteTooManyRequestsAsync,
        });
        return app;
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Rate limit exceeded; retry after {seconds} s.",
            },
        });
    }
}
