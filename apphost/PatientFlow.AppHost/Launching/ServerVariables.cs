using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatientFlow.AppHost.Infrastructure;

namespace PatientFlow.AppHost.Launching;

/// <summary>
/// <c>--infrastructure-only --env-file FILE</c>: once PostgreSQL and RabbitMQ are healthy, writes the variables that point
/// other processes at them, one <c>NAME=value</c> per line (names contain '-': read them with <c>env</c>, not the
/// shell). <c>./test.sh</c> runs every test project against one such pair of servers.
/// </summary>
public static class ServerVariables
{
    public static void WriteServerVariablesWhenReady(
        this IDistributedApplicationBuilder builder, string envFile, IResourceBuilder<LocalPostgresResource> postgres, IResourceBuilder<LocalRabbitMqResource> rabbitmq) =>
        builder.Services.AddHostedService(services => new Writer(
            services.GetRequiredService<ResourceNotificationService>(), envFile, postgres.Resource, rabbitmq.Resource));

    private sealed class Writer(ResourceNotificationService notifications, string envFile, LocalPostgresResource postgres, LocalRabbitMqResource rabbitmq)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken ct)
        {
            await notifications.WaitForResourceHealthyAsync(postgres.Name, ct);
            await notifications.WaitForResourceHealthyAsync(rabbitmq.Name, ct);
            var lines = new[]
            {
                $"ConnectionStrings__postgres={await postgres.ConnectionStringExpression.GetValueAsync(ct)}",
                $"ConnectionStrings__rabbitmq={await rabbitmq.ConnectionStringExpression.GetValueAsync(ct)}",
                $"ConnectionStrings__rabbitmq-management={await rabbitmq.ManagementUrl.GetValueAsync(ct)}",
            };
            // Written whole and then renamed, so a reader never sees half a file.
            await File.WriteAllLinesAsync(envFile + ".partial", lines, ct);
            File.Move(envFile + ".partial", envFile, overwrite: true);
            Console.WriteLine($"servers ready; variables in {envFile}");
        }
    }
}
