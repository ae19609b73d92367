namespace PatientFlow.LocalInfrastructure.Tests;

/// <summary>One local PostgreSQL and RabbitMQ shared by the tests of a class: each start costs seconds.</summary>
public sealed class RunningInfrastructure : IAsyncLifetime
{
    private readonly TempDataFolder folder = new();

    public LocalInfrastructure Infrastructure { get; private set; } = null!;

    public string DataDirectory => folder.Path;

    public async Task InitializeAsync() => Infrastructure = await LocalInfrastructure.StartAsync(folder.Options());

    public async Task DisposeAsync()
    {
        await Infrastructure.DisposeAsync();
        folder.Dispose();
    }
}
