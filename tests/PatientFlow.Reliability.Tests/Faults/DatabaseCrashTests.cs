using System.Diagnostics;
using Npgsql;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>PostgreSQL killed with SIGKILL under load and restarted: every command that got a 2xx has its events.</summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class DatabaseCrashTests(FaultPlatform platform, ITestOutputHelper output) : IClassFixture<FaultPlatform>
{
    [Fact]
    public async Task KillDatabase_UnderLoad_EveryAcknowledgedCommandHasItsEventsAndIsDelivered()
    {
        var traffic = new VisitTraffic(await platform.ClientForAsync(Roles.FrontDesk), await platform.ClientForAsync(Roles.Ops));
        await traffic.PrepareAsync(visits: 500);
        var postgres = platform.Platform.Postgres;
        var scheduling = await platform.DatabaseAsync("scheduling");
        var tracking = await platform.DatabaseAsync("tracking");

        // Load before the kill, through the outage, and for a fixed time after the database is back, however long its
        // restart takes on a busy machine.
        using var stop = new CancellationTokenSource();
        var visits = traffic.RunAsync(TimeSpan.FromMinutes(3), workers: 4, stop: stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(8));
        var killedAt = DateTime.UtcNow;
        var down = Stopwatch.StartNew();
        await postgres.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await postgres.RestartAsync(CancellationToken.None);
        var outage = down.Elapsed;
        var backAt = DateTime.UtcNow;
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        await visits.WaitAsync(TimeSpan.FromMinutes(3));

        var stored = await StoredEventsAsync(scheduling);
        var acknowledged = traffic.Sent.Where(command => command.Acknowledged).ToList();
        var withoutEvents = acknowledged.Where(command => !stored.Contains((command.VisitId, StoredType(command.EventType)))).ToList();
        var recovered = Stopwatch.StartNew();
        var ledger = await DeliveryLedger.WaitForDeliveryAsync(traffic.Sent, tracking, TimeSpan.FromMinutes(2));

        Figure.Report(output, "postgres kill -9: answers", Figure.Answers(traffic.Sent));
        ledger.Report(output, "postgres kill -9 under load");
        Figure.Report(output, "postgres kill -9: outage", $"{outage.TotalSeconds:0.0} s");
        Figure.Report(output, "postgres kill -9: acknowledged before the kill / after the restart",
            $"{acknowledged.Count(command => command.SentAt < killedAt)} / {acknowledged.Count(command => command.SentAt > backAt)}");
        Figure.Report(output, "postgres kill -9: commands answered non-2xx or not at all", $"{traffic.Sent.Count(c => !c.Acknowledged)} of {traffic.Sent.Count}");
        Figure.Report(output, "postgres kill -9: acknowledged without events", withoutEvents.Count.ToString());
        Figure.Report(output, "postgres kill -9: traffic end to all delivered", $"{recovered.Elapsed.TotalSeconds:0.0} s");

        // Both sides of the outage carried commands: the test is about them.
        acknowledged.Count(command => command.SentAt < killedAt).Should().BeGreaterThan(10, "commands were acknowledged before the kill");
        acknowledged.Count(command => command.SentAt > backAt).Should().BeGreaterThan(20, "commands were acknowledged after the database came back");
        withoutEvents.Should().BeEmpty("a 2xx is given only for a committed event");
        ledger.Lost.Should().Be(0, ledger.Explain(platform.Tail()));
        ledger.Duplicated.Should().Be(0);
        traffic.Sent.Where(command => command.Status >= 500 && command.Status != 503).Should().BeEmpty(
            "while the database is away the answer is 503, not a bare 500");
    }

    private static string StoredType(string contract) => contract == VisitTraffic.Booked ? "appointment_booked_v2" : "patient_checked_in";

    private static async Task<HashSet<(Guid, string)>> StoredEventsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select stream_id, type from mt_events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new HashSet<(Guid, string)>();
        while (await reader.ReadAsync())
        {
            stored.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return stored;
    }
}
