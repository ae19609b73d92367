using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace PatientFlow.Platform.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The service's audit trail: its chain (named after the service, shared by its replicas) in the audit database,
    /// written through the insert-only writer role, and the middleware that records every request to an audited route.
    /// </summary>
    public static IHostApplicationBuilder AddAuditTrail(this IHostApplicationBuilder builder, string service)
    {
        var connectionString = builder.Configuration.GetConnectionString(AuditSettings.ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{AuditSettings.ConnectionName} is not configured: a service that serves patient data must write its audit trail.");
        return builder.AddAuditTrail(service, connectionString);
    }

    /// <summary>The service's audit trail, written through <paramref name="writerConnectionString"/> (the audit service's own, which it sets up).</summary>
    public static IHostApplicationBuilder AddAuditTrail(this IHostApplicationBuilder builder, string service, string writerConnectionString)
    {
        var off = builder.Configuration.GetValue<bool>(AuditSettings.OffSetting);
        if (off && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{AuditSettings.OffSetting} is only honoured in Development; remove it.");
        }

        builder.Services.AddSingleton(new AuditSettings(service, off));
        builder.Services.AddSingleton(_ => new AuditTrail(new NpgsqlDataSourceBuilder(writerConnectionString) { Name = "audit" }.Build(), service));
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddSingleton<Disclosures>();
        builder.Services.AddSingleton<IStartupFilter, AuditMiddleware.StartupFilter>();
        return builder;
    }
}
