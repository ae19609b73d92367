using Microsoft.Extensions.DependencyInjection;
using PatientFlow.AppHost.Infrastructure;

namespace PatientFlow.AppHost.Launching;

/// <summary>Once the gateway is healthy: where everything answers, and how to get a token. The simulator's lines follow it.</summary>
public static class StartupSummary
{
    public static void PrintSummaryWhenReady(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, LaunchOptions launch)
    {
        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (ready, ct) =>
        {
            // For people at a terminal; under test (no dashboard) it would only add to the tests' output.
            if (ready.Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard)
            {
                return Task.CompletedTask;
            }

            var http = gateway.GetEndpoint("http").Url;
            var grpc = gateway.GetEndpoint("grpc").Url;
            var model = ready.Services.GetRequiredService<DistributedApplicationModel>();
            var rows = new List<(string Name, string Address)>
            {
                ("gateway", $"{http}/"),
                ("gateway gRPC", $"{grpc}/ (HTTP/2: the integrator feed)"),
            };
            if (model.Resources.OfType<ProjectResource>().FirstOrDefault(r => r.Name == "identity") is { } identity)
            {
                rows.Add(("identity", $"{identity.GetEndpoint("http").Url}/.well-known/openid-configuration (sign in as frontdesk.north, clinician.east, ops… password patientflow-dev)"));
            }

            if (builder.Configuration["AppHost:BrowserToken"] is { } token && builder.Configuration["ASPNETCORE_URLS"] is { } dashboard)
            {
                rows.Add(("dashboard", $"{dashboard}/login?t={token}"));
            }

            foreach (var server in model.Resources.OfType<LocalRabbitMqResource>())
            {
                rows.Add((server.Name, $"amqp://{LocalRabbitMqExtensions.User}@127.0.0.1:{server.GetEndpoint("amqp").Port}/ (management {server.GetEndpoint("management").Url}/)"));
            }

            foreach (var server in model.Resources.OfType<LocalPostgresResource>())
            {
                rows.Add((server.Name, $"127.0.0.1:{server.GetEndpoint("tcp").Port} (user postgres)"));
            }

            var width = rows.Max(r => r.Name.Length);
            var passwords = $"{Path.Combine(launch.DataDirectory, "postgres", "superuser-password")}, {Path.Combine(launch.DataDirectory, "rabbitmq", "password")}";
            Console.WriteLine(string.Join(Environment.NewLine,
            [
                "", "PatientFlow is running. Ctrl-C stops everything.", "",
                .. rows.Select(r => $"  {r.Name.PadRight(width)}  {r.Address}"),
                "",
                $"  passwords:  {passwords} (users postgres and patientflow)",
                $"  dev token:  curl -s -X POST {http}/dev/token -H 'content-type: application/json' -d '{{\"role\":\"front-desk\"}}'",
                "",
            ]));
            if (model.Resources.FirstOrDefault(r => r.Name == "simulator") is { } simulator)
            {
                _ = FollowAsync(ready.Services.GetRequiredService<ResourceLoggerService>(), simulator, ct);
            }

            return Task.CompletedTask;
        });
    }

    private static async Task FollowAsync(ResourceLoggerService logs, IResource simulator, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(simulator).WithCancellation(ct))
            {
                foreach (var line in batch)
                {
                    Console.WriteLine($"simulator | {line.Content}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
