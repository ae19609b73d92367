using System.Diagnostics;
using System.Net;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// RabbitMQ frozen with SIGSTOP: its sockets stay open but nothing answers, the nastiest way for a
/// broker to fail. Publishes must time out rather than hang, services report unready, and everything
/// recovers within 30 s of SIGCONT.
/// </summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class BrokerFreezeTests(FaultPlatform platform, ITestOutputHelper output) : IClassFixture<FaultPlatform>
{
    private static readonly TimeSpan Frozen = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task FreezeBroker_UnderLoad_UnreadyWhileFrozenRecoversWithin30sNothingLost()
    {
        var traffic = new VisitTraffic(await platform.ClientForAsync(Roles.FrontDesk), await platform.ClientForAsync(Roles.Ops));
        await traffic.PrepareAsync(visits: 400);
        var broker = platform.Platform.RabbitMq;
        var scheduling = platform.Platform.Endpoint("scheduling", "http");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var visits = traffic.RunAsync(TimeSpan.FromSeconds(45), workers: 2);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var frozen = Stopwatch.StartNew();
        broker.Pause();
        TimeSpan unreadyAfter;
        try
        {
            await WaitForReadinessAsync(probe, scheduling, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
            unreadyAfter = frozen.Elapsed;
            var sentBefore = traffic.Sent.Count;
            await Task.Delay(Frozen - frozen.Elapsed);
            traffic.Sent.Count.Should().BeGreaterThan(sentBefore, "commands keep being answered while the broker is frozen");
        }
        finally
        {
            broker.Resume();
        }

        var resumed = Stopwatch.StartNew();
        await WaitForReadinessAsync(probe, scheduling, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        var readyAfter = resumed.Elapsed;
        await visits.WaitAsync(TimeSpan.FromMinutes(2));
        var ledger = await DeliveryLedger.WaitForDeliveryAsync(traffic.Sent, await platform.DatabaseAsync("tracking"), TimeSpan.FromSeconds(60));
        var deliveredAfter = resumed.Elapsed;

        Figure.Report(output, "broker SIGSTOP: answers", Figure.Answers(traffic.Sent));
        ledger.Report(output, $"broker SIGSTOP {Frozen.TotalSeconds:0} s under load");
        Figure.Report(output, "broker SIGSTOP: unready after", $"{unreadyAfter.TotalSeconds:0.0} s");
        Figure.Report(output, "broker SIGCONT: ready again after", $"{readyAfter.TotalSeconds:0.0} s");
        Figure.Report(output, "broker SIGCONT: everything delivered after", $"{deliveredAfter.TotalSeconds:0.0} s");
        var slowest = traffic.Sent.Max(command => command.Took);
        Figure.Report(output, "broker SIGSTOP: slowest command", $"{slowest.TotalMilliseconds:0} ms");

        traffic.Sent.Should().NotContain(command => command.Status == 0 || command.Status >= 500, "commands never wait for the broker");
        ledger.Lost.Should().Be(0, ledger.Explain(platform.Tail("scheduling")));
        ledger.Duplicated.Should().Be(0);
        readyAfter.Should().BeLessThan(TimeSpan.FromSeconds(30));
        platform.LogLines().Should().Contain(line => line.StartsWith("scheduling", StringComparison.Ordinal) && line.Contains("failed on attempt", StringComparison.Ordinal),
            "the relay's publish timed out and was retried instead of hanging");
    }

    private static async Task WaitForReadinessAsync(HttpClient probe, Uri service, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (deadline.Elapsed < timeout)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri(service, "/health/ready"));
                last = response.StatusCode;
                if (response.StatusCode == expected)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                last = null;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{service}health/ready did not answer {(int)expected} within {timeout.TotalSeconds:0} s (last: {(int?)last})");
    }
}
