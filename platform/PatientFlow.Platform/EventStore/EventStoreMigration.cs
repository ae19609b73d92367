using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
