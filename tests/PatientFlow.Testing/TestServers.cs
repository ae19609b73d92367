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
    private static readonly Lock Gate = new();
    private static Task<LocalInfrastructure.LocalInfrastructure>? _servers;

    /// <param name="owner">Names the folder of servers started for this test process (e.g. the service under test).</param>
    public static Task<LocalInfrastructure.LocalInfrastructure> GetAsync(string owner)
    {
        lock (Gate)
        {
            return _servers ??= StartAsync(owner);
        }
    }

    private static async Task<LocalInfrastructure.LocalInfrastructure> StartAsync(string owner)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        // One folder per owner: a run that was killed leaves pid files there, and the next
        // run of the same owner stops those leftovers before starting afresh.
        // Two test projects may test the same service at once, so the folder names the project too.
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"patientflow-tests-{owner}-{TestProject()}");
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

    /// <summary>The test project's name, from its output folder (<c>&lt;project&gt;/bin/&lt;config&gt;/&lt;tfm&gt;/</c>).</summary>
    private static string TestProject() =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent?.Parent?.Parent?.Name ?? "tests";

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
