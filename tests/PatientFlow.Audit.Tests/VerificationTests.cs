using PatientFlow.Platform.Audit;

namespace PatientFlow.Audit.Tests;

/// <summary>The privacy officer's verification over the service's HTTP answer, before and after edits made past the writer role.</summary>
public class VerificationTests
{
    [Fact]
    public async Task Verify_UpdateThenDeleteAsSuperuser_ReportsTheFirstBrokenRecord()
    {
        await using var factory = new AuditFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        await using (var trail = factory.Trail("lab"))
        {
            await trail.AppendAsync([.. Enumerable.Range(0, 12).Select(i => AccessReportTests.Entry($"lab-{i}", DateTimeOffset.UtcNow, Guid.NewGuid()))]);
        }

        var intact = await VerifyAsync(factory);
        intact.Should().BeEquivalentTo(new { Checked = 12L, FirstBreak = (AuditBreak?)null });
        intact.Heads.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Chain = "lab", Position = 12L });

        await factory.Log.ExecuteAsync($"DELETE FROM {AuditSchema.Table} WHERE position = 7");
        (await VerifyAsync(factory)).FirstBreak.Should().BeEquivalentTo(new { Chain = "lab", Position = 8L, Kind = AuditBreakKind.Deleted });

        await factory.Log.ExecuteAsync($"UPDATE {AuditSchema.Table} SET patient_ids = ARRAY[gen_random_uuid()] WHERE position = 3");
        var changed = await VerifyAsync(factory);
        changed.FirstBreak.Should().BeEquivalentTo(new { Chain = "lab", Position = 3L, Kind = AuditBreakKind.Changed });
        changed.Checked.Should().Be(11);
    }

    private static async Task<AuditVerification> VerifyAsync(AuditFactory factory)
    {
        var answer = await factory.PrivacyOfficer().PostAsync("/api/audit/verification", content: null);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await answer.Content.ReadFromJsonAsync<AuditVerification>(PatientFlow.ServiceDefaults.ApiJson.Options))!;
    }
}
