using Npgsql;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.Auth;
using Xunit.Abstractions;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// Two processes of every service on the same databases and broker: they compete for messages, exactly
/// one of them runs each store's daemon (relay and projections), and nothing is published or applied twice.
/// </summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class ScaleOutTests(ScaledOutPlatform platform, ITestOutputHelper output) : IClassFixture<ScaledOutPlatform>
{
    private static readonly string[] Services = ["scheduling", "intake", "lab", "referral", "billing", "tracking"];

    [Fact]
    public async Task TwoInstancesOfEveryService_SteadyVisits_ShareTheLoadOneDaemonEachNothingTwice()
    {
        await using var published = await PublishCounter.StartAsync(
            platform.Platform.Infrastructure.RabbitMqConnectionString, typeof(AppointmentBooked), typeof(PatientCheckedIn));
        var traffic = new VisitTraffic(await platform.ClientForAsync(Roles.FrontDesk), await platform.ClientForAsync(Roles.Ops));
        await traffic.PrepareAsync(visits: 300);

        await traffic.RunAsync(TimeSpan.FromSeconds(25), workers: 6);
        var ledger = await DeliveryLedger.WaitForDeliveryAsync(traffic.Sent, await platform.DatabaseAsync("tracking"), TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the probe queue settle
        var (messages, distinct) = await published.DrainAsync();

        var consumedBy = platform.Platform.InstancesOf("tracking").ToDictionary(
            instance => instance,
            instance => platform.LogLines().Count(line => line.StartsWith(instance + " ", StringComparison.Ordinal) && line.Contains("journey step", StringComparison.Ordinal)));
        var daemons = new Dictionary<string, int>();
        foreach (var service in Services)
        {
            daemons[service] = await LeaseHoldersAsync(await platform.DatabaseAsync(service));
        }

        Figure.Report(output, "scale-out: answers", Figure.Answers(traffic.Sent));
        ledger.Report(output, "two instances of every service");
        Figure.Report(output, "scale-out: tracking consumption per instance", string.Join(", ", consumedBy.Select(c => $"{c.Key} {c.Value}")));
        Figure.Report(output, "scale-out: scheduling events published / distinct", $"{messages} / {distinct}");
        Figure.Report(output, "scale-out: daemon lease holders per store", string.Join(", ", daemons.Select(d => $"{d.Key} {d.Value}")));

        ledger.Lost.Should().Be(0, ledger.Explain(platform.Tail("tracking")));
        ledger.Duplicated.Should().Be(0);
        consumedBy.Should().HaveCount(2).And.AllSatisfy(instance => instance.Value.Should().BeGreaterThan(0, "both instances take messages"));
        distinct.Should().Be(ledger.Acknowledged, "every acknowledged command's event was published");
        messages.Should().Be(distinct, "one relay per store: no event is published twice in steady state");
        daemons.Should().AllSatisfy(d => d.Value.Should().Be(1, $"exactly one {d.Key} process holds the daemon lease"));
    }

    /// <summary>Backends of this database that hold an advisory lock: the HotCold leader's lease.</summary>
    private static async Task<int> LeaseHoldersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select count(distinct l.pid) from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database()
            """, connection);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
