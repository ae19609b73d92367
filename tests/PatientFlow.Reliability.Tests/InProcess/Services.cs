extern alias scheduling;
extern alias tracking;
using System.Text.Json;
using Npgsql;

namespace PatientFlow.Reliability.Tests.InProcess;

public sealed class SchedulingService() : ServiceFactory<scheduling::Program>("scheduling");

public sealed class TrackingService() : ServiceFactory<tracking::Program>("tracking");

/// <summary>Scheduling and tracking on one virtual host: what scheduling's relay publishes, tracking consumes, as on a platform.</summary>
public sealed class SchedulingAndTracking : IAsyncLifetime
{
    public SchedulingService Scheduling { get; } = new();

    public TrackingService Tracking { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Scheduling.InitializeAsync();
        Tracking = new TrackingService { SharedVirtualHost = Scheduling.VirtualHost, SigningKey = Scheduling.SigningKey };
        await Tracking.InitializeAsync();
    }

    /// <summary>Tracking first: the virtual host is scheduling's, and goes with it.</summary>
    public async Task DisposeAsync()
    {
        // Null when scheduling failed to start.
        if (Tracking is not null)
        {
            await ((IAsyncLifetime)Tracking).DisposeAsync();
        }

        await ((IAsyncLifetime)Scheduling).DisposeAsync();
    }
}

/// <summary>Reading what an operator and a load balancer see.</summary>
public static class OperatorViews
{
    public static async Task<JsonElement> ReadyAsync<T>(ServiceFactory<T> service) where T : class
    {
        using var client = service.CreateAnonymousClient();
        using var response = await client.GetAsync("/health/ready");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> MessagingAsync<T>(ServiceFactory<T> service) where T : class
    {
        using var client = service.CreateClient(Roles.Ops);
        return await client.GetFromJsonAsync<JsonElement>($"/api/{service.Service}/operations/messaging");
    }

    /// <summary>Every document of a read model's table as JSON text, by id: what a rebuild must reproduce.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DocumentsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select id::text, data::text from {table} order by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var documents = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            documents[reader.GetString(0)] = reader.GetString(1);
        }

        return documents;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
