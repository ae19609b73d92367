using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PatientFlow.LocalInfrastructure.Tests;

public sealed class LocalInfrastructureTests(RunningInfrastructure running) : IClassFixture<RunningInfrastructure>
{
    private LocalInfrastructure Infrastructure => running.Infrastructure;

    [Fact]
    public async Task StartAsync_InEmptyFolder_PostgresAnswersQueries()
    {
        Infrastructure.PostgresIsExternal.Should().BeFalse();
        (await Probes.ScalarAsync<int>(Infrastructure.PostgresConnectionString, "SELECT 1")).Should().Be(1);
        new NpgsqlConnectionStringBuilder(Infrastructure.PostgresConnectionString).Host.Should().Be("127.0.0.1");
    }

    [Fact]
    public async Task StartAsync_InEmptyFolder_RabbitMqDeliversPublishedMessage()
    {
        Infrastructure.RabbitMqIsExternal.Should().BeFalse();
        Infrastructure.RabbitMqConnectionString.Should().StartWith("amqp://").And.Contain("@127.0.0.1:");
        Infrastructure.RabbitMqManagementUrl!.UserInfo.Should().BeEmpty();

        var received = await Probes.RoundTripAsync(Infrastructure.RabbitMqConnectionString, "round-trip", "hello");

        received.Should().Be("hello");
    }

    [Fact]
    public async Task StartAsync_InEmptyFolder_ManagementUiAnswers()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(Infrastructure.RabbitMqManagementUrl!, "api/overview"));

        // Reachable, and refusing anonymous callers.
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EnsureDatabaseAsync_CalledConcurrently_CreatesOneUsableDatabase()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Infrastructure.EnsureDatabaseAsync("concurrent")));
        var again = await Infrastructure.EnsureDatabaseAsync("concurrent");

        results.Should().AllBe(again);
        (await Probes.ScalarAsync<string>(again, "SELECT current_database()")).Should().Be("concurrent");
        (await Probes.ScalarAsync<long>(Infrastructure.PostgresConnectionString,
            "SELECT count(*) FROM pg_database WHERE datname = 'concurrent'")).Should().Be(1);
    }

    [Fact]
    public async Task EnsureVirtualHostAsync_NewName_GivesIsolatedVirtualHost()
    {
        var isolated = await Infrastructure.EnsureVirtualHostAsync("isolated");
        (await Infrastructure.EnsureVirtualHostAsync("isolated")).Should().Be(isolated);

        (await Probes.RoundTripAsync(isolated, "only-in-isolated", "kept apart")).Should().Be("kept apart");

        await using var connection = await Probes.ConnectAsync(Infrastructure.RabbitMqConnectionString);
        await using var channel = await connection.CreateChannelAsync();
        var lookUp = () => channel.QueueDeclarePassiveAsync("only-in-isolated");
        await lookUp.Should().ThrowAsync<OperationInterruptedException>("the queue lives only in the other virtual host");
        isolated.Should().EndWith("/isolated");
    }

    [Fact]
    public async Task DeleteVirtualHostAsync_AfterUse_GoneWithItsQueuesAndDeletingAgainIsFine()
    {
        var doomed = await Infrastructure.EnsureVirtualHostAsync("doomed");
        (await Probes.RoundTripAsync(doomed, "in-doomed", "before", durable: true)).Should().Be("before");

        await Infrastructure.DeleteVirtualHostAsync("doomed");
        await Infrastructure.DeleteVirtualHostAsync("doomed");

        var amqp = new Uri(Infrastructure.RabbitMqConnectionString);
        using var management = new HttpClient { BaseAddress = Infrastructure.RabbitMqManagementUrl };
        management.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        (await management.GetAsync("api/vhosts/doomed")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        // Made again, it is empty: the queue went with it.
        var again = await Infrastructure.EnsureVirtualHostAsync("doomed");
        await using var connection = await Probes.ConnectAsync(again);
        await using var channel = await connection.CreateChannelAsync();
        var lookUp = () => channel.QueueDeclarePassiveAsync("in-doomed");
        await lookUp.Should().ThrowAsync<OperationInterruptedException>();
    }

    [Fact]
    public async Task StartAsync_WithExternalConnectionStrings_StartsNothingAndUsesThem()
    {
        using var folder = new TempDataFolder();
        var options = folder.Options() with
        {
            PostgresConnectionString = Infrastructure.PostgresConnectionString,
            RabbitMqConnectionString = Infrastructure.RabbitMqConnectionString,
            RabbitMqManagementUrl = Infrastructure.RabbitMqManagementUrl!.AbsoluteUri,
        };

        await using (var external = await LocalInfrastructure.StartAsync(options))
        {
            external.PostgresIsExternal.Should().BeTrue();
            external.RabbitMqIsExternal.Should().BeTrue();
            external.PostgresConnectionString.Should().Be(Infrastructure.PostgresConnectionString);
            external.RabbitMqConnectionString.Should().Be(Infrastructure.RabbitMqConnectionString);
            var database = await external.EnsureDatabaseAsync("through-external");
            (await Probes.ScalarAsync<string>(database, "SELECT current_database()")).Should().Be("through-external");
            var vhost = await external.EnsureVirtualHostAsync("through-external");
            (await Probes.RoundTripAsync(vhost, "q", "via external")).Should().Be("via external");
            Directory.GetDirectories(folder.Path).Select(Path.GetFileName).Should().NotContain(["postgres", "rabbitmq"]);
        }

        (await Probes.ScalarAsync<int>(Infrastructure.PostgresConnectionString, "SELECT 1")).Should().Be(1, "disposing must not stop servers it did not start");
    }
}
