using System.Diagnostics;
using PatientFlow.Audit.Reports;
using PatientFlow.Platform.Audit;
using Xunit.Abstractions;

namespace PatientFlow.Audit.Tests;

/// <summary>
/// What the privacy officer waits for: the report of a patient opened 1,000 times among 50,000 records of others, as a
/// ratio against the same report for a patient opened once (the index makes it grow with the answer, not the trail).
/// </summary>
public class ReportFigureTests(AuditFactory factory, ITestOutputHelper output) : IClassFixture<AuditFactory>
{
    private const int Others = 50_000;
    private const int Accesses = 1_000;

    [Fact]
    public async Task PatientReport_OneThousandAccessesAmongFiftyThousandRecords_AnswersEveryOneAndReportsItsTime()
    {
        var often = Guid.NewGuid();
        var once = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        await using (var trail = factory.Trail("figures"))
        {
            var entries = Enumerable.Range(0, Others)
                .Select(i => AccessReportTests.Entry($"user-{i % 300}", start.AddSeconds(i), Guid.NewGuid()))
                .Concat(Enumerable.Range(0, Accesses).Select(i => AccessReportTests.Entry($"user-{i % 40}", start.AddSeconds(i * 37), often)))
                .Append(AccessReportTests.Entry("user-1", start, once))
                .ToList();
            foreach (var chunk in entries.Chunk(5_000))
            {
                await trail.AppendAsync(chunk);
            }
        }

        // The seeded month: each read of a report is recorded as an access too, and falls after it.
        var month = $"from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(start.AddDays(1).ToString("O"))}";
        var officer = factory.PrivacyOfficer();
        // Warm both paths once: the figures are the queries, not the first request's start-up.
        await officer.GetStringAsync($"/api/audit/patients/{once}/accesses?pageSize=1000&{month}");
        await officer.GetStringAsync($"/api/audit/patients/{often}/accesses?pageSize=1000&{month}");

        var (oneMs, one) = await TimedAsync(officer, once, $"&{month}");
        var (thousandMs, thousand) = await TimedAsync(officer, often, $"&{month}");
        var (csvMs, csv) = await TimedAsync(officer, often, $"&{month}&format=csv");

        AccessReportTests.Parse(csv).Skip(1).Should().HaveCount(Accesses, "the CSV export holds every access");
        one.Should().Contain(once.ToString());
        var page = System.Text.Json.JsonSerializer.Deserialize<AccessPage>(thousand, PatientFlow.ServiceDefaults.ApiJson.Options)!;
        page.Items.Should().HaveCount(Accesses).And.OnlyContain(row => row.PatientIds.Contains(often));
        page.HasMore.Should().BeFalse();
        Figures.Report(output, $"audit report, patient with {Accesses:N0} accesses among {Others + Accesses + 1:N0} records (median of 5)",
            $"JSON {thousandMs:0.0} ms, CSV {csvMs:0.0} ms; a patient with 1 access {oneMs:0.0} ms (ratio {thousandMs / oneMs:0.0})");
    }

    private static async Task<(double Milliseconds, string Body)> TimedAsync(HttpClient officer, Guid patient, string query)
    {
        var times = new List<double>();
        var body = "";
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            body = await officer.GetStringAsync($"/api/audit/patients/{patient}/accesses?pageSize=1000{query}");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (times.Order().ElementAt(2), body);
    }
}
