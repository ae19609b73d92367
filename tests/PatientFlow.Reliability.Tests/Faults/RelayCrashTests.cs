using Npgsql;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// A service killed with SIGKILL between commit and publish: the broker is down, so its events are
/// committed but cannot go out; the process dies; after the restart they still go out, once.
/// </summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class RelayCrashTests(FaultPlatform platform, ITestOutputHelper output) : IClassFixture<FaultPlatform>
{
    [Fact]
    public async Task KillService_BetweenCommitAndPublish_EventsGoOutAfterRestart()
    {
        var traffic = new VisitTraffic(await platform.ClientForAsync(Roles.FrontDesk), await platform.ClientForAsync(Roles.Ops));
        await traffic.PrepareAsync(visits: 30);
        var broker = platform.Platform.RabbitMq;
        var scheduling = await platform.DatabaseAsync("scheduling");

        await broker.KillAsync();
        await traffic.RunAsync(TimeSpan.FromSeconds(30), workers: 2);
        var (published, committed) = await RelayProgressAsync(scheduling);
        published.Should().BeLessThan(committed, "the events are committed but not yet published");

        await platform.Platform.KillAsync("scheduling");
        await broker.RestartAsync(CancellationToken.None);
        await platform.Platform.WaitUntilReadyAsync("scheduling", within: TimeSpan.FromMinutes(2));
        var ledger = await DeliveryLedger.WaitForDeliveryAsync(traffic.Sent, await platform.DatabaseAsync("tracking"), TimeSpan.FromMinutes(2));

        Figure.Report(output, "service kill -9: answers", Figure.Answers(traffic.Sent));
        ledger.Report(output, "service kill -9 between commit and publish");
        Figure.Report(output, "service kill -9: committed but unpublished when killed", $"{committed - published} events");
        traffic.Sent.Should().NotContain(command => command.Status == 0 || command.Status >= 500, "commands never wait for the broker");
        ledger.Lost.Should().Be(0, ledger.Explain(platform.Tail("scheduling")));
        ledger.Duplicated.Should().Be(0);
    }

    /// <summary>The relay's checkpoint and the last committed event sequence.</summary>
    private static async Task<(long Published, long Committed)> RelayProgressAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select coalesce((select last_seq_id from mt_event_progression where name like 'integration-relay%'), 0),
                   (select max(seq_id) from mt_events)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
