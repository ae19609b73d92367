using Npgsql;

namespace PatientFlow.AppHost.Terminal;

/// <summary>The table printed once everything is ready: where each part answers and how to get a token.</summary>
internal static class StartupSummary
{
    public static void Print(RunningPlatform platform, string dataDirectory, ConsoleOutput output)
    {
        var infrastructure = platform.Infrastructure;
        var rows = new List<(string Name, string Address)> { ("gateway", platform.GatewayUrl.AbsoluteUri) };
        if (platform.GatewayGrpcUrl is { } grpc)
        {
            rows.Add(("gateway gRPC", $"{grpc.AbsoluteUri} (HTTP/2: the integrator feed)"));
        }

        rows.AddRange(platform.ServiceUrls.Where(s => s.Key != "gateway").Select(s => (s.Key, s.Value.AbsoluteUri)));
        rows.Add(("rabbitmq", WithoutPassword(infrastructure.RabbitMqConnectionString)));
        if (infrastructure.RabbitMqManagementUrl is { } management)
        {
            rows.Add(("rabbitmq ui", management.AbsoluteUri));
        }

        var postgres = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString);
        rows.Add(("postgres", $"{postgres.Host}:{postgres.Port} (user {postgres.Username})"));

        var width = rows.Max(r => r.Name.Length);
        var lines = new List<string> { "", "PatientFlow is running. Ctrl-C stops everything.", "" };
        lines.AddRange(rows.Select(r => $"  {r.Name.PadRight(width)}  {r.Address}"));
        lines.Add("");
        if (!infrastructure.PostgresIsExternal || !infrastructure.RabbitMqIsExternal)
        {
            lines.Add($"  passwords:   {Path.Combine(dataDirectory, "postgres", "superuser-password")}, {Path.Combine(dataDirectory, "rabbitmq", "password")} (user patientflow)");
        }

        lines.Add("  dev token:");
        lines.Add($"    curl -s -X POST {platform.GatewayUrl}dev/token -H 'content-type: application/json' -d '{{\"role\":\"front-desk\"}}'");
        lines.Add("");
        output.Plain(string.Join(Environment.NewLine, lines));
    }

    private static string WithoutPassword(string amqp)
    {
        var uri = new UriBuilder(amqp) { Password = "" };
        return uri.Uri.AbsoluteUri;
    }
}
