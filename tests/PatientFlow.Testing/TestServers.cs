using Microsoft.Extensions.Configuration;
using PatientFlow.LocalInfrastructure;

namespace PatientFlow.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ for a test run. <c>./test.sh</c> starts them once and passes
/// <c>ConnectionStrings__postgres</c>, <c>ConnectionStrings__rabbitmq</c> and
/// <c>ConnectionStrings__rabbitmq-management</c>; run alone, a test process starts its own in a
/// temporary folder and stops them when it exits.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<Task<LocalInfrastructure.LocalInfrastructure>> Servers = new(StartAsync);

    public static Task<LocalInfrastructure.LocalInfrastructure> GetAsync() => Servers.Value;

    private static async Task<LocalInfrastructure.LocalInfrastructure> StartAsync()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"patientflow-tests-{Environment.ProcessId}");
        var options = LocalInfrastructureOptions.FromConfiguration(configuration, dataDirectory);
        var servers = await LocalInfrastructure.LocalInfrastructure.StartAsync(options);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            servers.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (!servers.PostgresIsExternal || !servers.RabbitMqIsExternal)
            {
                TryDelete(dataDirectory);
            }
        };
        return servers;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next run uses another one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
