using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Refuses to start against a PostgreSQL that would acknowledge a commit it can lose in a crash
/// (<c>fsync</c>, <c>synchronous_commit</c> or <c>full_page_writes</c> off): a 2xx answered on such a
/// server is not a promise. <c>Durability:AllowUnsafe=true</c> lets a benchmark run anyway, loudly.
/// </summary>
public sealed class DurabilityCheck(string connectionString, bool allowUnsafe, ILogger<DurabilityCheck> logger) : IHostedService
{
    public const string AllowUnsafeSetting = "Durability:AllowUnsafe";

    private static readonly string[] Settings = ["fsync", "synchronous_commit", "full_page_writes"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var unsafeSettings = await FindUnsafeSettingsAsync(connectionString, cancellationToken);
        if (unsafeSettings.Count == 0)
        {
            return;
        }

        var described = string.Join(", ", unsafeSettings.Select(s => $"{s.Key}={s.Value}"));
        if (allowUnsafe)
        {
            logger.LogWarning("PostgreSQL runs with {Settings}: committed events can be lost in a crash. Allowed by {Setting}", described, AllowUnsafeSetting);
            return;
        }

        throw new InvalidOperationException(
            $"PostgreSQL runs with {described}: a commit it acknowledges can be lost in a crash, so this service refuses to start. " +
            $"Turn the setting back on, or set {AllowUnsafeSetting}=true for a benchmark.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The durability settings that are off for this connection's database and role.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FindUnsafeSettingsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var found = new Dictionary<string, string>();
        foreach (var setting in Settings)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            var value = (string?)await command.ExecuteScalarAsync(ct) ?? "";
            if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
            {
                found[setting] = value;
            }
        }

        return found;
    }
}
