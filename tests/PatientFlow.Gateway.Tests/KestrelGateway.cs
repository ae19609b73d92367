using System.Globalization;
using System.Net.Sockets;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Gateway.Tests;

/// <summary>
/// The gateway on loopback sockets as Production runs it: HTTPS with the profile's certificate, plain HTTP beside it
/// (which only redirects), the integrators' gRPC port over TLS, and the internal port. Every service is the one stand-in.
/// </summary>
public sealed class KestrelGateway : IAsyncLifetime
{
    private StandInBackend _backend = null!;

    public GatewayFactory Factory { get; private set; } = null!;

    public StandInBackend Backend => _backend;

    public int HttpsPort { get; } = FreePort();

    public int HttpPort { get; } = FreePort();

    public int InternalPort { get; } = FreePort();

    public int GrpcPort { get; } = FreePort();

    public Uri Https(string path) => new($"https://127.0.0.1:{HttpsPort}{path}");

    public Uri Http(string path) => new($"http://127.0.0.1:{HttpPort}{path}");

    public Uri Internal(string path) => new($"http://127.0.0.1:{InternalPort}{path}");

    public Uri Grpc(string path) => new($"https://127.0.0.1:{GrpcPort}{path}");

    public async Task InitializeAsync()
    {
        _backend = await StandInBackend.StartAsync("any");
        Factory = GatewayFactory.Production(
            GatewayFactory.ServiceNames.ToDictionary(service => service, _ => _backend.Address),
            new Dictionary<string, string>
            {
                ["urls"] = $"https://127.0.0.1:{HttpsPort};http://127.0.0.1:{HttpPort}",
                [ServiceDefaults.Production.InternalPort.Setting] = InternalPort.ToString(CultureInfo.InvariantCulture),
                ["Grpc:Url"] = $"https://127.0.0.1:{GrpcPort}",
            });
        Factory.UseKestrel();
        Factory.StartServer();
    }

    /// <summary>A client that trusts the test certificate and shows redirects instead of following them.</summary>
    public HttpClient CreateClient(string? role = null)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.TokenFor(role));
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
