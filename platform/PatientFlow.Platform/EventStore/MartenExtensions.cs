using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Daemon;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Health;
using PatientFlow.ServiceDefaults.OpenApi;
using PatientFlow.ServiceDefaults.Problems;
using Weasel.Core;

namespace PatientFlow.Platform.EventStore;

public static class MartenExtensions
{
    /// <summary>Connection string name of a service's own database, e.g. <c>scheduling-db</c>.</summary>
    public static string DatabaseConnectionName(string service) => $"{service}-db";

    /// <summary>
    /// The service's own event store: its own database, lightweight sessions, schema applied at
    /// start, and the async daemon in HotCold mode so exactly one node runs projections and the relay.
    /// With an owner connection (<see cref="EventStoreRoles.OwnerConnectionName"/>) the owner applies the schema and the
    /// service works as a runtime role that cannot change or delete events; without one, the one connection does both,
    /// which only Development accepts.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddPatientFlowMarten(
        this IHostApplicationBuilder builder, string service, Action<StoreOptions> configure)
    {
        var name = DatabaseConnectionName(service);
        var connectionString = WithDeadClientDetection(builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured."));
        var ownerConnectionString = builder.Configuration.GetConnectionString(EventStoreRoles.OwnerConnectionName(service));

        builder.Services.TryAddSingleton(ServiceIdentity.From(builder.Configuration, service));
        // Every request to a route that returns or changes patient data leaves a record in the audit trail.
        builder.AddAuditTrail(service);
        // Every service that owns a store owns an API; its OpenAPI document is mapped by MapPlatformEndpoints.
        builder.Services.AddPatientFlowOpenApi(service);
        if (ownerConnectionString is not null)
        {
            // First of all: the schema and the runtime role (its login, its grants) exist before the service connects as it.
            builder.Services.AddHostedService(provider => new EventStoreMigration(
                ownerConnectionString, connectionString, options => ConfigureStore(options, ownerConnectionString, service, configure), provider));
        }

        // Registered before Marten so it runs first: no event is written to a database that cannot keep it.
        builder.Services.AddHostedService(provider => new DurabilityCheck(
            connectionString, builder.Configuration.GetValue<bool>(DurabilityCheck.AllowUnsafeSetting),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DurabilityCheck>>()));

        builder.Services.AddSingleton<Operations.ProjectionOperations>();
        // The store's races and outages, as clients read them (409, 503).
        builder.Services.AddSingleton<IExceptionProblems, StoreProblems>();
        // The one command path, for every aggregate the service decides on.
        builder.Services.AddHttpContextAccessor();
        // Ids in routes are stream ids: the all-zero one names nothing (404) instead of reaching the store, which refuses it.
        builder.Services.Configure<RouteOptions>(options => options.SetParameterPolicy<StreamIdRouteConstraint>(StreamIdRouteConstraint.Name));
        builder.Services.AddScoped(typeof(StreamCommands<,>));
        // Every read and write of a record is checked against the caller's clinics.
        builder.AddClinicScoping();
        builder.Services.AddHealthChecks()
            .AddCheck("postgres", new PostgresHealthCheck(connectionString), tags: [HealthTags.Ready])
            // The daemon's high-water mark must keep moving while events are appended; a stuck mark
            // means projections and the relay have silently stopped.
            .AddMartenHighWaterHealthCheck(staleThreshold: TimeSpan.FromSeconds(60));

        var marten = builder.Services
            .AddMarten(options =>
            {
                ConfigureStore(options, connectionString, service, configure);
                if (ownerConnectionString is not null)
                {
                    // The runtime role changes no schema: the owner applied it at start (EventStoreMigration).
                    options.AutoCreateSchemaObjects = AutoCreate.None;
                }
            })
            .UseLightweightSessions();
        if (ownerConnectionString is null)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
            // After the schema is applied: the one connection owns the events, acceptable only in Development.
            builder.Services.AddHostedService(provider => new EventStoreRoleCheck(
                connectionString, name, builder.Environment.IsDevelopment(),
                provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<EventStoreRoleCheck>>()));
        }

        return marten.AddAsyncDaemon(DaemonMode.HotCold);
    }

    /// <summary>Everything about the store but which roles apply and use it: the same for the owner's migration and the service.</summary>
    private static void ConfigureStore(StoreOptions options, string connectionString, string service, Action<StoreOptions> configure)
    {
        options.Connection(connectionString);
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        // The trace an event was appended in, for the relay to publish it in (a headers column on mt_events,
        // added by the schema migration at start like every other change).
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Listeners.Add(new EventTraceContext());
        // Who caused each event: the token subject of the request, the consumed event's user, or the service.
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Listeners.Add(new EventUserName(service));
        // Appends wake the daemon (relay, async projections) through LISTEN/NOTIFY instead of
        // waiting for its next poll; polling stays as the safety net.
        options.Events.UseListenNotifyForEventAppends = true;
        // A projection that cannot apply an event must stop, not silently skip it.
        options.Projections.Errors.SkipApplyErrors = false;
        options.Projections.RebuildErrors.SkipApplyErrors = false;
        // An append that lost a race (two consumers on one stream) rolls back and leaves a hole in the
        // event sequence; the daemon holds every projection, subscription and relay before it until it
        // deems the hole abandoned. Marten checks PostgreSQL for a live transaction that could still fill
        // it before skipping, so waiting 1 s instead of 3 s loses nothing and cuts the stall after a burst.
        options.Projections.StaleSequenceThreshold = TimeSpan.FromSeconds(1);
        // Heartbeat and node columns on the progression table: the high-water health check
        // tells a quiet store from a dead agent by them.
        options.Events.EnableExtendedProgressionTracking = true;
        options.Schema.For<HandledIntegrationEvent>();
        options.Schema.For<BreakGlassAccess>().Index(access => access.At);
        configure(options);
    }

    /// <summary>
    /// The HotCold leader holds a session-scoped advisory lock on a connection of its own (the real
    /// DistributedLock.Postgres 1.3.3 takes one from a data source; the transaction-scoped workaround
    /// that the 1.3.1 stand-in needed is gone). If the leader's process dies while the server runs a
    /// query for it, asking the server to check the client's socket releases the lock within seconds.
    /// </summary>
    /// <remarks>
    /// A transaction left idle (a stuck request, a paused process) keeps its reserved event sequence
    /// numbers open; the daemon's high-water mark cannot pass them, and every async projection and the
    /// relay stall behind it. The idle-in-transaction timeout ends such a transaction after 30 s; the
    /// HotCold leader's lock is held by its session, outside any transaction.
    /// </remarks>
    private static string WithDeadClientDetection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Many processes share one server; a pool per process of up to 100 would exhaust it under load.
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = 40;
        }

        foreach (var (setting, value) in new[] { ("client_connection_check_interval", "1000"), ("idle_in_transaction_session_timeout", "30000") })
        {
            if (builder.Options?.Contains(setting, StringComparison.Ordinal) != true)
            {
                builder.Options = $"{builder.Options} -c {setting}={value}".Trim();
            }
        }

        return builder.ConnectionString;
    }
}
