using Npgsql;
using PatientFlow.Audit.Database;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Health;

namespace PatientFlow.Audit;

public static class AuditServiceExtensions
{
    /// <summary>
    /// The audit database: its schema and writer role applied before the service answers, then read for reports; the
    /// service's own reads of it are recorded on its chain (<see cref="AuditDatabase.Chain"/>) through the writer role.
    /// </summary>
    public static IHostApplicationBuilder AddAuditDatabase(this IHostApplicationBuilder builder)
    {
        var owner = builder.Configuration.GetConnectionString(AuditDatabase.OwnerConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{AuditDatabase.OwnerConnectionName} is not configured.");
        var writerPassword = builder.Configuration[AuditDatabase.WriterPasswordSetting] is { Length: >= 16 } password ? password
            : throw new InvalidOperationException($"{AuditDatabase.WriterPasswordSetting} must be set (16 characters or more): the services' writer role signs in with it.");

        // Applied before the host starts: a service cannot write a record before the table and its role exist.
        var writer = AuditSchema.ApplyAsync(owner, writerPassword).GetAwaiter().GetResult();
        // Reading the reports is an access too: who looked at whose accesses goes on the audit service's own chain.
        builder.AddAuditTrail(AuditDatabase.Chain, writer);
        builder.Services.AddSingleton(_ => new AuditDatabase(NpgsqlDataSource.Create(owner)));
        builder.Services.AddHealthChecks().AddCheck("postgres", new PostgresHealthCheck(owner), tags: [HealthTags.Ready]);
        return builder;
    }
}
