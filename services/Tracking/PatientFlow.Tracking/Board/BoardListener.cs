using System.Threading.Channels;
using Marten;
using Npgsql;
using PatientFlow.Platform.EventStore;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Board;

/// <summary>
/// Feeds the <see cref="LiveBoard"/>. A journey consumer's transaction notifies the visit's id on the
/// <see cref="Channel"/> (PostgreSQL delivers it only on commit, to every tracking instance listening); the feed
/// folds that visit's journey from its events and applies it. On (re)connecting it first listens, then loads the
/// board, so nothing committed meanwhile is missed.
/// </summary>
public sealed class BoardListener(
    IConfiguration configuration, IDocumentStore store, LiveBoard board, TimeProvider clock, ILogger<BoardListener> logger) : BackgroundService
{
    public const string Channel = "patientflow_journey";

    /// <summary>How often the board's time rules are re-applied (bookings coming into view, checked-out visits leaving).</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    /// <summary>Journeys with steps this recent are folded from their events at load: the async snapshot may not have them yet.</summary>
    private static readonly TimeSpan SnapshotLag = TimeSpan.FromMinutes(5);

    private readonly Channel<Guid> _visits = System.Threading.Channels.Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the notification in the session's transaction: sent when, and only if, it commits.</summary>
    /// <remarks>
    /// A NOTIFY statement, not <c>select pg_notify()</c>: a statement returning rows in the batch kept Marten from
    /// seeing a later statement's unique-key failure, and a losing save committed.
    /// </remarks>
    public static void Notify(IDocumentSession session, Guid visitId) =>
        // A Guid's text is hex digits and dashes: safe to write into the statement.
        session.QueueSqlCommand($"notify {Channel}, '{visitId:D}'");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applying = ApplyAsync(stoppingToken);
        var refreshing = RefreshAsync(stoppingToken);
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Board feed lost its database connection; reconnecting in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 15));
            }
        }

        _visits.Writer.TryComplete();
        await Task.WhenAll(applying, refreshing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var connectionString = configuration.GetConnectionString(MartenExtensions.DatabaseConnectionName(TrackingModule.Service));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, notification) =>
        {
            if (Guid.TryParse(notification.Payload, out var visitId))
            {
                _visits.Writer.TryWrite(visitId);
            }
        };
        await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        await LoadAsync(ct);
        logger.LogInformation("Board feed listening: {Cards} cards on the board", board.Count);
        while (!ct.IsCancellationRequested)
        {
            await connection.WaitAsync(ct);
        }
    }

    /// <summary>Every journey that may be on the board: from the snapshots, and the most recent ones from their events.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession();
        var since = now.AddDays(-1);
        var journeys = await session.Query<VisitJourney>()
            .Where(journey => journey.ActiveUntil >= since && journey.CurrentStage != null)
            .ToListAsync(ct);
        foreach (var journey in journeys)
        {
            board.Apply(journey);
        }

        // Event timestamps are the database's clock, which a simulated clinic clock does not move.
        var recent = DateTimeOffset.UtcNow - SnapshotLag;
        var streams = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp >= recent)
            .Select(e => e.StreamId)
            .ToListAsync(ct);
        foreach (var visitId in streams.Distinct())
        {
            _visits.Writer.TryWrite(visitId);
        }
    }

    private async Task ApplyAsync(CancellationToken ct)
    {
        var batch = new HashSet<Guid>();
        await foreach (var first in _visits.Reader.ReadAllAsync(ct))
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < 256 && _visits.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await using var session = store.QuerySession();
                foreach (var visitId in batch)
                {
                    if (await session.Events.AggregateStreamAsync<VisitJourney>(visitId, token: ct) is { } journey)
                    {
                        board.Apply(journey);
                    }
                }
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                // Tried again shortly: until then these visits keep their last card.
                logger.LogWarning(exception, "Board feed could not read {Count} journeys; retrying", batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                foreach (var visitId in batch)
                {
                    _visits.Writer.TryWrite(visitId);
                }
            }
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                board.Refresh();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
