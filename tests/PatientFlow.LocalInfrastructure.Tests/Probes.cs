using System.Text;
using Npgsql;
using RabbitMQ.Client;

namespace PatientFlow.LocalInfrastructure.Tests;

/// <summary>Talks to the servers the way a service would.</summary>
public static class Probes
{
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }

    public static async Task<IConnection> ConnectAsync(string amqpConnectionString) =>
        await new ConnectionFactory { Uri = new Uri(amqpConnectionString) }.CreateConnectionAsync();

    /// <summary>Declares a queue, publishes one message to it and gets it back.</summary>
    public static async Task<string?> RoundTripAsync(string amqpConnectionString, string queue, string message, bool durable = false)
    {
        await using var connection = await ConnectAsync(amqpConnectionString);
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", queue, Encoding.UTF8.GetBytes(message));
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
            {
                return Encoding.UTF8.GetString(result.Body.Span);
            }

            await Task.Delay(100);
        }

        return null;
    }
}
