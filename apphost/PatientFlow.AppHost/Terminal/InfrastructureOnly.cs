using Microsoft.Extensions.Configuration;
using PatientFlow.LocalInfrastructure;

namespace PatientFlow.AppHost.Terminal;

/// <summary>
/// <c>--infrastructure-only --env-file FILE</c>: starts just PostgreSQL and RabbitMQ and writes the
/// variables that point other processes at them, one <c>NAME=value</c> per line (names contain
/// '-', so read them with <c>env</c>, not the shell). <c>./test.sh</c> runs every test project
/// against one such pair of servers.
/// </summary>
internal static class InfrastructureOnly
{
    public static async Task<int> RunAsync(PlatformOptions options, string envFile, ShutdownSignal shutdown)
    {
        var output = new ConsoleOutput(options.Output, 10);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var servers = await LocalInfrastructure.LocalInfrastructure.StartAsync(
            LocalInfrastructureOptions.FromConfiguration(configuration, options.DataDirectory) with { Log = output.Write },
            shutdown.Token);

        var amqp = new Uri(servers.RabbitMqConnectionString);
        var lines = new List<string>
        {
            $"ConnectionStrings__postgres={servers.PostgresConnectionString}",
            $"ConnectionStrings__rabbitmq={servers.RabbitMqConnectionString}",
        };
        if (servers.RabbitMqManagementUrl is { } management)
        {
            lines.Add($"ConnectionStrings__rabbitmq-management={new UriBuilder(management) { UserName = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]), Password = Uri.UnescapeDataString(amqp.UserInfo.Split(':', 2)[1]) }.Uri}");
        }

        // Written whole and then renamed, so a reader never sees half a file.
        var partial = envFile + ".partial";
        await File.WriteAllLinesAsync(partial, lines);
        File.Move(partial, envFile, overwrite: true);
        output.Progress($"servers ready; variables in {envFile}");
        await shutdown.WaitAsync();
        return 0;
    }
}
