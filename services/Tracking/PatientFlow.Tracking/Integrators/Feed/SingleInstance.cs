using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// Runs work on one tracking instance at a time: the instance holding a PostgreSQL advisory lock named after the
/// work. The lock lives with a dedicated, unpooled connection, so it ends with that connection: when the work
/// stops, fails or its instance dies, another instance takes over within <see cref="RetryEvery"/>. (A pooled
/// connection would go back to the pool still holding the lock, and nobody could take the work over.) The work
/// is cancelled if the connection is lost.
/// </summary>
public static class SingleInstance
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    /// <summary>The application name of lock connections, so operators (and tests) can tell them from the daemon's.</summary>
    public const string ApplicationNamePrefix = "patientflow-single-instance:";

    public static async Task RunAsync(IDocumentStore store, string name, Func<CancellationToken, Task> work, ILogger logger, CancellationToken ct)
    {
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"patientflow:{name}")), 0);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = LockConnection(store, name);
                await connection.OpenAsync(ct);
                await using var take = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
                take.Parameters.AddWithValue("key", key);
                if (await take.ExecuteScalarAsync(ct) is true)
                {
                    logger.LogInformation("{Work} runs on this instance", name);
                    using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    var watching = WatchAsync(connection, lost, ct);
                    try
                    {
                        await work(lost.Token);
                    }
                    finally
                    {
                        await lost.CancelAsync();
                        await watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopped: end as a finished task, not a cancelled one, which a host would take for the work failing
                // (a BackgroundService stopped on its own, outside the host's shutdown, then stops the whole host).
                return;
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(exception, "{Work} stopped; trying again in {Delay}", name, RetryEvery);
            }

            await Task.Delay(RetryEvery, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static NpgsqlConnection LockConnection(IDocumentStore store, string name)
    {
        using var pooled = store.Storage.Database.CreateConnection();
        var settings = new NpgsqlConnectionStringBuilder(pooled.ConnectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationNamePrefix + name,
        };
        // A clone keeps the password, which the connection string read back no longer shows.
        return pooled.CloneWith(settings.ConnectionString);
    }

    /// <summary>Checks the lock's connection every few seconds; a dead one cancels the work.</summary>
    private static async Task WatchAsync(NpgsqlConnection connection, CancellationTokenSource lost, CancellationToken ct)
    {
        while (!lost.IsCancellationRequested)
        {
            await Task.Delay(RetryEvery, lost.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await using var ping = new NpgsqlCommand("select 1", connection);
                await ping.ExecuteScalarAsync(lost.Token);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                await lost.CancelAsync();
            }
        }
    }
}
