using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Logging;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Operations;

/// <summary>A projection or subscription and how far it has read the event log.</summary>
public sealed record ProjectionStatus(string Name, string Lifecycle, long? Sequence, long HighWaterMark, string? AgentStatus, DateTimeOffset? LastHeartbeat);

/// <summary>A finished rebuild.</summary>
public sealed record RebuildResult(string Projection, string Lifecycle, long HighWaterMark, double Seconds);

/// <summary>
/// Rebuilds a projection from its events. Inline projections (written in the command's transaction)
/// are rebuilt by a daemon of their own; asynchronous ones by the daemon that runs them, which under
/// HotCold is the leader instance only. During a rebuild the projection's documents are replaced: a
/// read may briefly miss one, so rebuild at a quiet time.
/// </summary>
public sealed class ProjectionOperations(IDocumentStore store, Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator, ILogger<ProjectionOperations> logger)
{
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Every projection (inline ones have no progress of their own) and every subscription, such as the relay.</summary>
    public async Task<IReadOnlyList<ProjectionStatus>> StatusAsync(CancellationToken ct)
    {
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var progress = (await store.Advanced.AllProjectionProgress(token: ct))
            .Where(shard => shard.ShardName != ShardState.HighWaterMark)
            .GroupBy(shard => shard.ShardName.Split(':')[0])
            .ToDictionary(group => group.Key, group => group.First());
        var projections = Sources().Select(source => Status(source.Name, source.Lifecycle.ToString().ToLowerInvariant(), progress.GetValueOrDefault(source.Name)));
        var subscriptions = progress.Where(p => Sources().All(source => source.Name != p.Key)).Select(p => Status(p.Key, "subscription", p.Value));
        return projections.Concat(subscriptions).OrderBy(status => status.Name, StringComparer.Ordinal).ToList();

        ProjectionStatus Status(string name, string lifecycle, ShardState? shard) =>
            new(name, lifecycle, shard?.Sequence, statistics.EventSequenceNumber, shard?.AgentStatus, shard?.LastHeartbeat);
    }

    public async Task<RebuildResult> RebuildAsync(string name, CancellationToken ct)
    {
        var source = Sources().FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"projection {name} not found; GET .../operations/projections lists them");
        if (source.Lifecycle == ProjectionLifecycle.Live)
        {
            throw new ConflictException($"projection {source.Name} is live: it is built from the events on every read and has nothing to rebuild");
        }

        var watch = Stopwatch.StartNew();
        logger.LogWarning("Rebuilding projection {Projection} ({Lifecycle}) from its events", source.Name, source.Lifecycle);
        if (source.Lifecycle == ProjectionLifecycle.Inline)
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(source.Name, RebuildTimeout, ct);
        }
        else
        {
            var daemon = coordinator.DaemonForMainDatabase();
            if (!daemon.CurrentAgents().Any())
            {
                throw new ConflictException(
                    $"projection {source.Name} is asynchronous and runs on the instance that holds the daemon lease; send the rebuild there (or retry through the gateway)");
            }

            await daemon.RebuildProjectionAsync(source.Name, RebuildTimeout, ct);
        }

        var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
        logger.LogWarning("Rebuilt projection {Projection} in {Seconds:0.0} s", source.Name, watch.Elapsed.TotalSeconds);
        return new RebuildResult(source.Name, source.Lifecycle.ToString().ToLowerInvariant(), statistics.EventSequenceNumber, watch.Elapsed.TotalSeconds);
    }

    private IEnumerable<JasperFx.Events.Subscriptions.ISubscriptionSource> Sources() =>
        ((DocumentStore)store).Options.Projections.All;
}
