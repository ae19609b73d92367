using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// For a store given one connection for both the schema and the work (no <c>-owner</c> connection): that role owns the
/// events and could change or delete them. Development starts with a warning; any other environment refuses to start and
/// names the setting that fixes it.
/// </summary>
public sealed class EventStoreRoleCheck(string connectionString, string connectionName, bool development, ILogger<EventStoreRoleCheck> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var held = await EventStoreRoles.ForbiddenPrivilegesHeldAsync(connectionString, "public", cancellationToken);
        if (held.Count == 0)
        {
            return;
        }

        var fix = $"Give the service a runtime role in ConnectionStrings:{connectionName} and the schema's owner in ConnectionStrings:{connectionName}-owner (docs/production.md).";
        if (development)
        {
            logger.LogWarning("The event store's connection may {Privileges} mt_events. {Fix}", string.Join(", ", held), fix);
            return;
        }

        throw new InvalidOperationException($"ConnectionStrings:{connectionName} may {string.Join(", ", held)} mt_events: events must not be changed or deleted by the service that appends them. {fix}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
