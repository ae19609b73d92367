using Marten;
using Npgsql;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// How far the feed may be read on this instance, and a signal for followers when that moves. The position comes
/// from <see cref="FeedSubscription"/>'s notifications (pushed on commit to every instance) and, as a safety net for
/// a lost connection, from its progress row every few seconds.
/// </summary>
public sealed class FeedHub(IDocumentStore store, ILogger<FeedHub> logger) : BackgroundService
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _safe;

    /// <summary>Every event at or below this position has committed and can be read, now and forever.</summary>
    public long SafePosition => Volatile.Read(ref _safe);

    /// <summary>Completes once <see cref="SafePosition"/> is beyond <paramref name="position"/>.</summary>
    public async Task WaitBeyondAsync(long position, CancellationToken ct)
    {
        while (true)
        {
            Task advanced;
            lock (_lock)
            {
                if (_safe > position)
                {
                    return;
                }

                advanced = _advanced.Task;
            }

            await advanced.WaitAsync(ct);
        }
    }

    /// <summary>Moves the safe position forward (never back) and wakes every follower waiting on it.</summary>
    public void Advance(long position)
    {
        TaskCompletionSource wake;
        lock (_lock)
        {
            if (position <= _safe)
            {
                return;
            }

            _safe = position;
            wake = _advanced;
            _advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = PollAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Integrator feed lost its notification connection; polling until it is back");
                await Task.Delay(PollEvery, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        connection.Notification += (_, notification) =>
        {
            if (long.TryParse(notification.Payload, out var position))
            {
                Advance(position);
            }
        };
        await using (var listen = new NpgsqlCommand($"listen {FeedSubscription.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        // Listening before reading the progress: a notification sent in between is not lost.
        Advance(await ReadProgressAsync(ct));
        while (!ct.IsCancellationRequested)
        {
            await connection.WaitAsync(ct);
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PollEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    Advance(await ReadProgressAsync(ct));
                }
                catch (Exception exception) when (!ct.IsCancellationRequested)
                {
                    logger.LogDebug(exception, "Reading the integrator feed's progress failed");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<long> ReadProgressAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select last_seq_id from {store.Options.Events.DatabaseSchemaName}.mt_event_progression where name = @name", connection);
        command.Parameters.AddWithValue("name", $"{FeedSubscription.SubscriptionName}:All");
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }
}
