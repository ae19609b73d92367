using System.Diagnostics;
using Npgsql;
using PatientFlow.Platform.Audit;
using PatientFlow.Testing;
using PatientFlow.Testing.Audit;
using Xunit.Abstractions;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>The chain on a database of its own: replicas appending at once keep one chain; edits made past the writer are found.</summary>
public class AuditChainTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AppendFromTwoReplicasAtOnce_KeepsOneGaplessChainThatVerifies()
    {
        var (log, writer) = await NewAuditDatabaseAsync();
        await using var first = new AuditTrail(NpgsqlDataSource.Create(writer), "scheduling");
        await using var second = new AuditTrail(NpgsqlDataSource.Create(writer), "scheduling");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await (worker % 2 == 0 ? first : second).AppendAsync(Entry());
            }
        })));

        var verification = await log.VerifyAsync();
        verification.FirstBreak.Should().BeNull();
        verification.Checked.Should().Be(400);
        verification.Heads.Should().ContainSingle().Which.Position.Should().Be(400);
    }

    [Fact]
    public async Task AppendWhileOthersWait_SharesTheirTransaction()
    {
        var (log, writer) = await NewAuditDatabaseAsync();
        await using var trail = new AuditTrail(NpgsqlDataSource.Create(writer), "scheduling");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => trail.AppendAsync(Entry())));

        var verification = await log.VerifyAsync();
        verification.FirstBreak.Should().BeNull();
        verification.Checked.Should().Be(200);
        var commits = await log.ScalarAsync<long>($"SELECT count(DISTINCT xmin::text) FROM {AuditSchema.Table}");
        commits.Should().BeLessThan(200, "appends queued while the writer was busy go into its next transaction together");
        Figures.Report(output, "audit group commit: 200 records queued at once", $"{commits} transactions");
    }

    [Fact]
    public async Task AppendAValueTheServerRefuses_FailsOnlyItsCaller()
    {
        var (log, writer) = await NewAuditDatabaseAsync();
        await using var trail = new AuditTrail(NpgsqlDataSource.Create(writer), "scheduling");

        var appends = Enumerable.Range(0, 50).Select(i => trail.AppendAsync(i == 17 ? Entry() with { Subject = "desk\u00001" } : Entry())).ToList();
        var failures = await Task.WhenAll(appends.Select(async append =>
        {
            try
            {
                await append;
                return null;
            }
            catch (PostgresException refused)
            {
                return refused;
            }
        }));

        failures.Select((failure, i) => (failure, i)).Where(pair => pair.failure is not null).Select(pair => pair.i).Should().Equal(17);
        var verification = await log.VerifyAsync();
        verification.FirstBreak.Should().BeNull();
        verification.Checked.Should().Be(49);
    }

    [Fact]
    public async Task UpdateAndDeleteAsSuperuser_AreFoundAtTheirPosition()
    {
        var (log, writer) = await NewAuditDatabaseAsync();
        await using (var trail = new AuditTrail(NpgsqlDataSource.Create(writer), "scheduling"))
        {
            await trail.AppendAsync([.. Enumerable.Range(0, 50).Select(_ => Entry())]);
        }

        (await log.VerifyAsync()).Should().BeEquivalentTo(new { Checked = 50L, FirstBreak = (AuditBreak?)null });

        await log.ExecuteAsync($"UPDATE {AuditSchema.Table} SET subject = 'someone-else' WHERE position = 10");
        (await log.VerifyAsync()).FirstBreak.Should().BeEquivalentTo(new { Chain = "scheduling", Position = 10L, Kind = AuditBreakKind.Changed });

        await log.ExecuteAsync($"UPDATE {AuditSchema.Table} SET subject = 'desk-1' WHERE position = 10");
        (await log.VerifyAsync()).FirstBreak.Should().BeNull("the record is back as it was");

        await log.ExecuteAsync($"DELETE FROM {AuditSchema.Table} WHERE position = 20");
        var afterDelete = await log.VerifyAsync();
        afterDelete.FirstBreak.Should().BeEquivalentTo(new { Chain = "scheduling", Position = 21L, Kind = AuditBreakKind.Deleted });
        afterDelete.Checked.Should().Be(49);
    }

    [Fact]
    public async Task ReplaceARecordWithAForgedOne_IsFoundAsInserted()
    {
        var (log, writer) = await NewAuditDatabaseAsync();
        await using (var trail = new AuditTrail(NpgsqlDataSource.Create(writer), "scheduling"))
        {
            await trail.AppendAsync([.. Enumerable.Range(0, 5).Select(_ => Entry())]);
        }

        // A forger who knows the canonical form rehashes record 3 with new content, but cannot fix record 4's link to it.
        var original = (await log.AfterAsync(0)).Single(record => record.Position == 3);
        var forged = original.Entry with { Subject = "forger" };
        await log.ExecuteAsync($"UPDATE {AuditSchema.Table} SET subject = $1, hash = $2 WHERE position = 3",
            forged.Subject, AuditCanonicalForm.HashOf(original.Chain, 3, forged, original.PreviousHash));

        (await log.VerifyAsync()).FirstBreak.Should().BeEquivalentTo(new { Position = 4L, Kind = AuditBreakKind.Inserted });
    }

    [Fact]
    public async Task Verify_10000Records_ReportsItsTime()
    {
        var (log, writer) = await NewAuditDatabaseAsync();
        await using (var trail = new AuditTrail(NpgsqlDataSource.Create(writer), "scheduling"))
        {
            for (var batch = 0; batch < 20; batch++)
            {
                await trail.AppendAsync([.. Enumerable.Range(0, 500).Select(_ => Entry())]);
            }
        }

        var clock = Stopwatch.StartNew();
        var verification = await log.VerifyAsync();
        clock.Stop();

        verification.Checked.Should().Be(10_000);
        verification.FirstBreak.Should().BeNull();
        Figures.Report(output, "audit verification, 10,000 records", $"{clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private static AuditEntry Entry() => new(
        DateTimeOffset.UtcNow, "scheduling", "desk-1", ["front-desk"], ["north"], AuditAction.Read, "patient", Guid.NewGuid().ToString(),
        [Guid.NewGuid()], AuditOutcome.Success, 200, "GET /api/scheduling/patients/{patientId:guid}", "127.0.0.1", Guid.NewGuid().ToString("N"));

    internal static async Task<(AuditLog Log, string WriterConnectionString)> NewAuditDatabaseAsync()
    {
        var servers = await TestServers.GetAsync("scheduling");
        var owner = await servers.EnsureDatabaseAsync($"audit_{Guid.NewGuid():N}"[..18]);
        var writer = await AuditSchema.ApplyAsync(owner, Guid.NewGuid().ToString("N"));
        return (new AuditLog(owner), writer);
    }
}
