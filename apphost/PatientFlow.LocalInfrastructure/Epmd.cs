using System.Net.Sockets;

namespace PatientFlow.LocalInfrastructure;

/// <summary>
/// Our own Erlang port mapper on a private port, started before RabbitMQ. Left to itself, Erlang
/// would start a daemonised epmd that outlives us and that other brokers on the machine share.
/// </summary>
internal static class Epmd
{
    public static async Task<ChildProcess> StartAsync(int port, string pidFolder, Action<string> log, CancellationToken ct)
    {
        var process = ChildProcess.Start(new ChildProcessSpec("epmd", "epmd", ["-port", port.ToString()])
        {
            Environment = new Dictionary<string, string?> { ["ERL_EPMD_ADDRESS"] = "127.0.0.1" },
            PidFile = new PidFile(Path.Combine(pidFolder, "epmd.pid")),
            Output = log,
        });
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            while (!await AcceptsAsync(port, timeout.Token))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"epmd exited during start-up:{Environment.NewLine}{process.RecentOutput}");
                }

                await Task.Delay(50, timeout.Token);
            }

            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    // Asks for the registered names (request 'n') rather than just connecting: epmd logs a warning
    // for a connection that closes without a request.
    private static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, ct);
            return await stream.ReadAsync(new byte[4], ct) > 0;
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }
}
