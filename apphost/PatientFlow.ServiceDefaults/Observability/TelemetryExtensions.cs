using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.ServiceDefaults.Observability;

public static class TelemetryExtensions
{
    /// <summary>Meter and activity source names every PatientFlow component may use.</summary>
    public const string PatientFlowSource = "PatientFlow";

    /// <summary>
    /// Traces and metrics for HTTP, Marten, Npgsql and MassTransit, exported over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set. Spans and logs carry ids only: no patient data is
    /// put in tags or messages anywhere in PatientFlow.
    /// </summary>
    public static IHostApplicationBuilder AddPatientFlowTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Marten", "MassTransit", PatientFlowSource)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, PatientFlowSource, "Marten", "MassTransit")
                .AddAspNetCoreInstrumentation(aspnet =>
                    aspnet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The Prometheus text format at <c>/metrics</c>, for a scraper inside the cluster (the gateway does not route it);
    /// outside Development on the internal port only.
    /// </summary>
    public static WebApplication MapPatientFlowMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").ServedInternally();
        return app;
    }
}
