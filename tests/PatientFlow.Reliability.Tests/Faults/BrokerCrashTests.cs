using System.Diagnostics;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>RabbitMQ is killed with SIGKILL and restarted, three times, while visits keep coming.</summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class BrokerCrashTests(FaultPlatform platform, ITestOutputHelper output) : IClassFixture<FaultPlatform>
{
    [Fact]
    public async Task KillBroker_RepeatedlyDuringSteadyVisits_CommandsSucceedNothingLostNothingDuplicated()
    {
        var traffic = new VisitTraffic(await platform.ClientForAsync(Roles.FrontDesk), await platform.ClientForAsync(Roles.Ops));
        await traffic.PrepareAsync(visits: 600);
        var broker = platform.Platform.RabbitMq;
        var outages = new List<TimeSpan>();

        var visits = traffic.RunAsync(TimeSpan.FromSeconds(40), workers: 4);
        var chaos = Task.Run(async () =>
        {
            for (var round = 0; round < 3; round++)
            {
                await Task.Delay(TimeSpan.FromSeconds(7));
                var down = Stopwatch.StartNew();
                await broker.KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(3));
                await broker.RestartAsync(CancellationToken.None);
                outages.Add(down.Elapsed);
            }
        });
        await Task.WhenAll(visits, chaos).WaitAsync(TimeSpan.FromMinutes(3));

        var drain = Stopwatch.StartNew();
        var ledger = await DeliveryLedger.WaitForDeliveryAsync(traffic.Sent, await platform.DatabaseAsync("tracking"), TimeSpan.FromMinutes(2));
        Figure.Report(output, "broker kill -9: answers", Figure.Answers(traffic.Sent));
        ledger.Report(output, "broker kill -9 x3 under load");
        Figure.Report(output, "broker kill -9: outages", string.Join(", ", outages.Select(o => $"{o.TotalSeconds:0.0} s")));
        Figure.Report(output, "broker kill -9: last restart to all delivered", $"{drain.Elapsed.TotalSeconds:0.0} s");

        ledger.Acknowledged.Should().BeGreaterThan(100, "visits kept coming during the test");
        traffic.Sent.Should().NotContain(command => command.Status == 0 || command.Status >= 500, "commands never wait for the broker");
        ledger.Lost.Should().Be(0, ledger.Explain(platform.Tail()));
        ledger.Duplicated.Should().Be(0);
    }
}
