using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Health;
using PatientFlow.ServiceDefaults.Observability;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.ServiceDefaults.Production;
using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.ServiceDefaults;

public static class Extensions
{
    /// <summary>
    /// Telemetry, health, JWT auth with role policies, problem details and JSON rules shared by every service and the gateway;
    /// request limits and the internal port. In Production, development settings refuse the start (<see cref="ProductionGuard"/>).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, ProcessKind kind = ProcessKind.Service)
    {
        ProductionGuard.Enforce(builder.Configuration, builder.Environment, kind);
        builder.AddPatientFlowTelemetry();
        // Request-level logs belong in traces; the console keeps what someone acts on.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // Marten logs every schema statement it applies at start (hundreds of lines on a fresh database).
        builder.Logging.AddFilter("Marten.IDocumentStore", LogLevel.Warning);
        builder.AddPatientFlowAuthentication();
        builder.Services.AddPatientFlowClock(builder.Configuration);
        builder.Services.AddHealthChecks();
        // Problems are problem+json whatever Accept says, and never the developer exception page (before AddProblemDetails).
        builder.Services.AddProblemJsonOnly();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Items.TryGetValue(CorrelationHeader.Name, out var correlation))
            {
                context.ProblemDetails.Extensions["correlationId"] = correlation;
            }
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed bodies reach the exception handler, which answers 400 naming the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        builder.AddRequestLimits();
        builder.AddInternalPort();
        builder.AddTrustedProxies();
        return builder;
    }

    /// <summary>
    /// The client's address from trusted proxies (<see cref="TrustedProxies"/>), security headers, correlation ids, problem details for errors and bare status codes, 413 for a declared body over
    /// the endpoint's limit, then <paramref name="beforeAuthentication"/> (what must run before any token is read: the
    /// gateway's per-address limit, files anyone may fetch), 404 for what no endpoint serves (and, with an internal port,
    /// for what is served on the other port), authentication; health and metrics endpoints.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? beforeAuthentication = null)
    {
        app.UseTrustedProxies();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<DeclaredBodyLimit>();
        beforeAuthentication?.Invoke(app);
        app.UseMiddleware<EndpointGate>();
        app.UseAuthentication();
        app.UseAuthorization();

        // Liveness: the process answers. Readiness: its database and broker (broker trouble is Degraded).
        // Outside Development both answer only on the internal port (InternalPort).
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).ServedInternally();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).ServedInternally();
        app.MapPatientFlowMetrics();
        return app;
    }
}
