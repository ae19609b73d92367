using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.AppHost.Infrastructure;

namespace PatientFlow.AppHost.Launching;

/// <summary>How the app host runs on a developer machine: its data folder, the dashboard's addresses, no calls home.</summary>
public static class LocalDefaults
{
    /// <summary>The dashboard over plain http on loopback (no developer certificate here), and no daily version check.</summary>
    public static DistributedApplicationOptions ToBuilderOptions(this LaunchOptions launch)
    {
        var dashboard = launch.DashboardPort;
        int Port(int offset) => dashboard > 0 ? dashboard + offset : FreePort.Next();
        return new DistributedApplicationOptions
        {
            Args =
            [
                $"--ASPNETCORE_URLS=http://localhost:{Port(0)}",
                $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{Port(1)}",
                $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:{Port(2)}",
                "--ASPIRE_VERSION_CHECK_DISABLED=true",
            ],
            AllowUnsecuredTransport = true,
            DisableDashboard = launch.InfrastructureOnly is not null,
            DashboardApplicationName = "PatientFlow",
        };
    }

    /// <summary>
    /// Takes the data folder for this run (one run per folder), wipes it first for <c>--fresh</c>, and checks that the
    /// ports people type are free, naming the resource that wants one that is taken.
    /// </summary>
    public static IDistributedApplicationBuilder UseLocalDefaults(this IDistributedApplicationBuilder builder, LaunchOptions launch)
    {
        if (launch.InfrastructureOnly is null && launch.GatewayPort > 0)
        {
            EnsureFree(launch.GatewayPort, "gateway");
            EnsureFree(launch.GatewayPort + 1, "gateway (gRPC)");
            if (!builder.ExecutionContext.IsPublishMode && builder.Configuration["ASPNETCORE_URLS"] is { } dashboard && new Uri(dashboard).Port is var port and > 0)
            {
                EnsureFree(port, "dashboard");
            }
        }

        if (launch.Fresh && Directory.Exists(launch.DataDirectory))
        {
            using (DataDirectoryLock.Acquire(launch.DataDirectory))
            {
                foreach (var entry in new DirectoryInfo(launch.DataDirectory).EnumerateFileSystemInfos().Where(e => e.Name != ".lock"))
                {
                    if (entry is DirectoryInfo folder)
                    {
                        folder.Delete(recursive: true);
                    }
                    else
                    {
                        entry.Delete();
                    }
                }
            }
        }

        // Held until the process exits, when the OS drops it, even after SIGKILL.
        builder.Services.AddSingleton(DataDirectoryLock.Acquire(launch.DataDirectory));
        return builder;
    }

    /// <summary>The JWT signing key every service shares; kept in the data folder so tokens survive restarts.</summary>
    public static string SigningKey(this LaunchOptions launch)
    {
        var path = Path.Combine(launch.DataDirectory, "auth", "signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return key;
    }

    private static void EnsureFree(int port, string resource)
    {
        if (!FreePort.IsFree(port))
        {
            throw new LaunchException($"port {port} ({resource}) is already in use; stop what holds it or choose another with --port", exitCode: 1);
        }
    }
}
