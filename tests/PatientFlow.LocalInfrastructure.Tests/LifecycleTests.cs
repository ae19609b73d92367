namespace PatientFlow.LocalInfrastructure.Tests;

public sealed class LifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DisposeAsync_AfterStart_LeavesNoProcessBehind()
    {
        using var folder = new TempDataFolder();
        var infrastructure = await LocalInfrastructure.StartAsync(folder.Options(output));
        var pids = RecordedPids(folder.Path);
        pids.Keys.Should().BeEquivalentTo(["postgres", "rabbitmq", "epmd"]);
        ProcessName(pids["rabbitmq"]).Should().Be("beam.smp");
        ProcessName(pids["postgres"]).Should().Be("postgres");

        await infrastructure.DisposeAsync();

        pids.Values.Where(ProcessTable.IsAlive).Should().BeEmpty();
        ProcessTable.Mentioning(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task StartAsync_OnFolderOfEarlierRun_KeepsItsData()
    {
        using var folder = new TempDataFolder();
        await using (var first = await LocalInfrastructure.StartAsync(folder.Options(output)))
        {
            var database = await first.EnsureDatabaseAsync("kept");
            await Probes.ScalarAsync<int>(database, "CREATE TABLE visits (id int); INSERT INTO visits VALUES (42); SELECT 1");
            await Probes.RoundTripAsync(first.RabbitMqConnectionString, "kept-queue", "declared in run 1", durable: true);
        }

        await using var second = await LocalInfrastructure.StartAsync(folder.Options(output));

        (await Probes.ScalarAsync<int>(await second.EnsureDatabaseAsync("kept"), "SELECT id FROM visits")).Should().Be(42);
        await using var connection = await Probes.ConnectAsync(second.RabbitMqConnectionString);
        await using var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclarePassiveAsync("kept-queue");
        queue.QueueName.Should().Be("kept-queue");
    }

    [Fact]
    public async Task StartAsync_WhileFolderInUse_RefusesToTakeIt()
    {
        using var folder = new TempDataFolder();
        var options = folder.Options() with { PostgresConnectionString = "Host=127.0.0.1", RabbitMqConnectionString = "amqp://u:p@127.0.0.1:1/" };
        await using var first = await LocalInfrastructure.StartAsync(options);

        var second = () => LocalInfrastructure.StartAsync(options);

        await second.Should().ThrowAsync<InvalidOperationException>().WithMessage("*in use by another PatientFlow run*");
    }

    private static Dictionary<string, int> RecordedPids(string dataDirectory) =>
        Directory.GetFiles(Path.Combine(dataDirectory, "pids"), "*.pid")
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => int.Parse(File.ReadAllText(path).Split(' ')[0]));

    private static string ProcessName(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();
}
