using Npgsql;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// Two processes of every service on the same databases and broker: they compete for messages, each of a store's
/// daemon shards (relay, subscriptions, projections) runs in exactly one of them, and nothing is published or applied twice.
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
            platform.Platform.RabbitMqConnectionString, typeof(AppointmentBooked), typeof(PatientCheckedIn));
        var traffic = new VisitTraffic(await platform.ClientForAsync(Roles.FrontDesk), await platform.ClientForAsync(Roles.Ops));
        await traffic.PrepareAsync(visits: 300);

        await traffic.RunAsync(TimeSpan.FromSeconds(25), workers: 6);
        var ledger = await DeliveryLedger.WaitForDeliveryAsync(traffic.Sent, await platform.DatabaseAsync("tracking"), TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the probe queue settle
        var (messages, distinct) = await published.DrainAsync();

        var consumedBy = platform.Platform.InstancesOf("tracking").ToDictionary(
            instance => instance,
            instance => platform.LogLines().Count(line => line.StartsWith(instance + " ", StringComparison.Ordinal) && line.Contains("journey step", StringComparison.Ordinal)));
        var daemons = new Dictionary<string, DaemonLeases>();
        foreach (var service in Services)
        {
            daemons[service] = await LeasesAsync(await platform.DatabaseAsync(service));
        }

        Figure.Report(output, "scale-out: answers", Figure.Answers(traffic.Sent));
        ledger.Report(output, "two instances of every service");
        Figure.Report(output, "scale-out: tracking consumption per instance", string.Join(", ", consumedBy.Select(c => $"{c.Key} {c.Value}")));
        Figure.Report(output, "scale-out: scheduling events published / distinct", $"{messages} / {distinct}");
        Figure.Report(output, "scale-out: daemon leases per store", string.Join("; ", daemons.Select(d => $"{d.Key} {d.Value}")));

        ledger.Lost.Should().Be(0, ledger.Explain(platform.Tail("tracking")));
        ledger.Duplicated.Should().Be(0);
        consumedBy.Should().HaveCount(2).And.AllSatisfy(instance => instance.Value.Should().BeGreaterThan(0, "both instances take messages"));
        distinct.Should().Be(ledger.Acknowledged, "every acknowledged command's event was published");
        messages.Should().Be(distinct, "one relay per store: no event is published twice in steady state");
        // Marten groups a store's shards into projection sets, each under a lease of its own that one process holds
        // (tracking's feed subscription and FHIR links form sets apart from its journeys). That no shard ran in
        // both processes is what the counts above prove: nothing published, logged or delivered twice.
        daemons.Should().AllSatisfy(d => d.Value.Locks.Should().BeGreaterThanOrEqualTo(1, $"{d.Key}'s daemon runs"));
    }

    /// <summary>
    /// The daemon's leases in this database: the advisory locks its projection sets hold, and its shards (relay,
    /// subscriptions, projections). Tracking's single-instance work (webhook deliveries) locks on connections named
    /// for it; those are checked apart: one process each.
    /// </summary>
    private static async Task<DaemonLeases> LeasesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var leases = new NpgsqlCommand("""
            select count(distinct l.objid), count(distinct l.pid), count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database()
              and a.application_name not like 'patientflow-single-instance:%'
            """, connection);
        await using var reader = await leases.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (locks, holders, grants) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        await reader.CloseAsync();
        await using (var work = new NpgsqlCommand("""
            select a.application_name, count(distinct l.pid) from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database()
              and a.application_name like 'patientflow-single-instance:%'
            group by a.application_name
            """, connection))
        await using (var rows = await work.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                rows.GetInt64(1).Should().Be(1, $"one process runs {rows.GetString(0)}");
            }
        }

        await using var shards = new NpgsqlCommand("select count(*) from mt_event_progression where name <> 'HighWaterMark'", connection);
        return new DaemonLeases((int)locks, (int)holders, (int)grants, (int)(long)(await shards.ExecuteScalarAsync())!);
    }

    private sealed record DaemonLeases(int Locks, int Holders, int Grants, int Shards)
    {
        public override string ToString() => $"{Shards} shards, {Locks} leases on {Holders} backends";
    }
}
