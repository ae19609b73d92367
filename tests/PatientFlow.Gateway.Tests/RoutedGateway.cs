namespace PatientFlow.Gateway.Tests;

/// <summary>The gateway with one stand-in backend per service, so a test can tell which service a request reached.</summary>
public sealed class RoutedGateway : IAsyncLifetime
{
    private readonly Dictionary<string, StandInBackend> _backends = [];

    public GatewayFactory Factory { get; private set; } = null!;

    public StandInBackend Backend(string service) => _backends[service];

    public async Task InitializeAsync()
    {
        foreach (var service in GatewayFactory.ServiceNames)
        {
            _backends[service] = await StandInBackend.StartAsync(service);
        }

        Factory = new GatewayFactory(_backends.ToDictionary(pair => pair.Key, pair => pair.Value.Address));
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var backend in _backends.Values)
        {
            await backend.DisposeAsync();
        }
    }
}
