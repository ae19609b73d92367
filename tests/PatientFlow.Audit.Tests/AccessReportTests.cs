using System.Net.Http.Headers;
using Microsoft.VisualBasic.FileIO;
using PatientFlow.Audit.Reports;
using PatientFlow.Platform.Audit;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Audit.Tests;

/// <summary>The privacy officer's reports over records written as the services write them.</summary>
public class AccessReportTests(AuditFactory factory) : IClassFixture<AuditFactory>
{
    [Fact]
    public async Task PatientAccesses_Paged_ShowOnlyThatPatientNewestFirst()
    {
        var patient = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await using (var trail = factory.Trail("scheduling"))
        {
            await trail.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Entry($"desk-{i}", start.AddSeconds(i), patient)), Entry("desk-x", start, Guid.NewGuid())]);
        }

        // Up to now: each read of the report is an access to the patient too, recorded after it (see below).
        var until = $"to={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}";
        var first = await factory.PrivacyOfficer().GetFromJsonAsync<AccessPage>($"/api/audit/patients/{patient}/accesses?pageSize=2&{until}");
        var last = await factory.PrivacyOfficer().GetFromJsonAsync<AccessPage>($"/api/audit/patients/{patient}/accesses?pageSize=2&page=3&{until}");

        first!.Items.Select(row => row.Subject).Should().Equal("desk-4", "desk-3");
        first.HasMore.Should().BeTrue();
        last!.Items.Select(row => row.Subject).Should().Equal("desk-0");
        last.HasMore.Should().BeFalse();
        first.Items.Concat(last.Items).Should().OnlyContain(row => row.PatientIds.Contains(patient));
    }

    [Fact]
    public async Task ReadAPatientsReport_TheReadIsItselfAnAccessInTheNextReportAndTheChainVerifies()
    {
        var patient = Guid.NewGuid();
        await using (var trail = factory.Trail("scheduling"))
        {
            await trail.AppendAsync(Entry("desk-1", DateTimeOffset.UtcNow.AddMinutes(-1), patient));
        }

        var officer = factory.CreateClient(Caller.Staff(Roles.PrivacyOfficer).WithSubject("officer-7"));
        var before = await officer.GetFromJsonAsync<AccessPage>($"/api/audit/patients/{patient}/accesses");
        var csv = await officer.GetAsync($"/api/audit/patients/{patient}/accesses?format=csv");
        var after = await officer.GetFromJsonAsync<AccessPage>($"/api/audit/patients/{patient}/accesses");

        before!.Items.Select(row => row.Subject).Should().Equal("desk-1");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        after!.Items.Select(row => (row.Subject, row.Service, row.Action, row.ResourceType, row.Outcome)).Should().Equal(
            ("officer-7", "audit", "read", "access-report", "success"),
            ("officer-7", "audit", "read", "access-report", "success"),
            ("desk-1", "scheduling", "read", "patient", "success"));
        after.Items[0].Route.Should().Be("GET /api/audit/patients/{patientId:guid}/accesses");
        after.Items[0].ResourceId.Should().Be(patient.ToString());
        (await factory.Log.VerifyAsync()).FirstBreak.Should().BeNull();
    }

    [Fact]
    public async Task UserAccesses_AsCsv_ParseWithAnRfc4180ParserToTheSameRecords()
    {
        // A subject with a comma and quotes: the CSV must quote it, and a real parser must read it back.
        var subject = $"desk \"{Guid.NewGuid().ToString("N")[..8]}\", north";
        var patients = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var trail = factory.Trail("intake"))
        {
            await trail.AppendAsync([Entry(subject, DateTimeOffset.UtcNow, patients), Entry(subject, DateTimeOffset.UtcNow, patients[0]), Entry("someone-else", DateTimeOffset.UtcNow, patients[0])]);
        }

        var answer = await factory.PrivacyOfficer().GetAsync($"/api/audit/users/{Uri.EscapeDataString(subject)}/accesses?format=csv");

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = Parse(await answer.Content.ReadAsStringAsync());
        rows[0].Should().Equal(AccessRow.CsvHeader);
        rows.Skip(1).Should().HaveCount(2).And.OnlyContain(row => row[5] == subject && row[1] == "intake" && row[8] == "read");
        rows[1][11].Split(' ').Select(Guid.Parse).Should().BeEquivalentTo([patients[0]], "the newest (one patient) comes first");
        rows[2][11].Split(' ').Select(Guid.Parse).Should().BeEquivalentTo(patients);
    }

    [Fact]
    public async Task AccessesInATimeRange_AcceptTextCsv_AnswersOnlyThatRange()
    {
        var day = new DateTimeOffset(2031, 3, 4, 0, 0, 0, TimeSpan.Zero);
        await using (var trail = factory.Trail("billing"))
        {
            await trail.AppendAsync([Entry("early", day.AddHours(-1), Guid.NewGuid()), Entry("inside", day.AddHours(9), Guid.NewGuid()), Entry("late", day.AddDays(1), Guid.NewGuid())]);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/audit/accesses?from={Uri.EscapeDataString(day.ToString("O"))}&to={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var answer = await factory.PrivacyOfficer().SendAsync(request);

        var rows = Parse(await answer.Content.ReadAsStringAsync());
        rows.Skip(1).Select(row => row[5]).Should().Equal("inside");
    }

    [Fact]
    public async Task Reports_AsAnyOtherRoleOrAnonymous_AreRefused()
    {
        var path = $"/api/audit/patients/{Guid.NewGuid()}/accesses";

        (await factory.CreateClient().GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        foreach (var role in Roles.All.Except([Roles.PrivacyOfficer]))
        {
            (await factory.CreateClient(Caller.ForRole(role)).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden, role);
        }
    }

    [Fact]
    public async Task Report_PageSizeOutOfRange_AnswersAProblemNamingTheField()
    {
        var answer = await factory.PrivacyOfficer().GetAsync($"/api/audit/patients/{Guid.NewGuid()}/accesses?pageSize=5000");

        answer.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("pageSize");
    }

    internal static AuditEntry Entry(string subject, DateTimeOffset at, params Guid[] patients) => new(
        at, "scheduling", subject, [Roles.FrontDesk], ["north"], AuditAction.Read, "patient", patients[0].ToString(), patients,
        AuditOutcome.Success, 200, "GET /api/scheduling/patients/{patientId:guid}", "127.0.0.1", Guid.NewGuid().ToString("N"));

    internal static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }
}
