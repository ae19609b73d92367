using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Applies the event store's schema as its owner, then grants the runtime role what it may do
/// (<see cref="EventStoreRoles.GrantRuntimeAsync"/>), before the service's store is used: the service itself works as the
/// runtime role and never changes the schema. Started before Marten's own hosted services. The owner's store is
/// configured as the service's is: the same options, then every module's <c>ConfigureMarten</c> additions.
/// </summary>
public sealed class EventStoreMigration(
    string ownerConnectionString, string runtimeConnectionString, Action<StoreOptions> configure, IServiceProvider services)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Replicas starting together migrate one after another: the lock is the database's (advisory locks are per
        // database), held by a session of its own for the whole migration and grant.
        await using var gate = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await gate.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('patientflow:event-store-migration'))", gate))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await MigrateAsync(cancellationToken);
        // Closing the session (not pooled) releases the lock, also when the migration threw.
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var options = new StoreOptions();
        configure(options);
        foreach (var more in services.GetServices<IConfigureMarten>())
        {
            more.Configure(services, options);
        }

        foreach (var more in services.GetServices<IAsyncConfigureMarten>())
        {
            await more.Configure(options, cancellationToken);
        }

        await using var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await EventStoreRoles.GrantRuntimeAsync(ownerConnectionString, runtimeConnectionString, options.Events.DatabaseSchemaName, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
