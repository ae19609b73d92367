using System.Text;
using Npgsql;
using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Patients;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Audit;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>What the audit trail keeps of scheduling's patient data, who the events name, and that the trail's writer cannot rewrite it.</summary>
public class AuditTrailTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private AuditLog Log => new(factory.AuditDatabaseConnectionString);

    [Fact]
    public async Task OpenPatientRecord_AsFrontDesk_LeavesOneReadRecordNamingCallerAndPatientButNoName()
    {
        var lastName = $"Audited-{Guid.NewGuid():N}"[..20];
        var patientId = Guid.Parse(await factory.RegisterPatientAsync(lastName));
        var caller = Caller.Staff(Roles.FrontDesk, "north").WithSubject($"desk-{Guid.NewGuid():N}"[..13]);
        var before = await Log.LastIdAsync();

        var answer = await factory.CreateClient(caller).GetAsync($"/api/scheduling/patients/{patientId}");

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        var record = (await Log.AfterAsync(before)).Should().ContainSingle().Subject;
        record.Entry.Should().BeEquivalentTo(new
        {
            Service = "scheduling",
            caller.Subject,
            Roles = new[] { Roles.FrontDesk },
            Clinics = new[] { "north" },
            Action = AuditAction.Read,
            ResourceType = "patient",
            ResourceId = patientId.ToString(),
            PatientIds = new[] { patientId },
            Outcome = AuditOutcome.Success,
            StatusCode = 200,
            Route = "GET /api/scheduling/patients/{patientId:guid}",
        });
        record.Entry.TraceId.Should().NotBeNullOrEmpty();
        Encoding.UTF8.GetString(AuditCanonicalForm.BytesOf(record.Chain, record.Position, record.Entry, record.PreviousHash))
            .Should().NotContain(lastName).And.NotContain("Ada");
    }

    [Fact]
    public async Task SearchPatients_ByLastNameAndBirthDate_RecordsExactlyThePatientsReturned()
    {
        var lastName = $"Search-{Guid.NewGuid():N}"[..20];
        var found = Guid.Parse(await factory.RegisterPatientAsync(lastName));
        var sameBirthDateOtherName = Guid.Parse(await factory.RegisterPatientAsync());
        var before = await Log.LastIdAsync();

        var answer = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients/search", new { lastName, dateOfBirth = "1980-04-12" });

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.ReadAsAsync<List<PatientDetails>>()).Select(p => p.PatientId).Should().Equal(found);
        var record = (await Log.AfterAsync(before)).Should().ContainSingle().Subject;
        record.Entry.Action.Should().Be(AuditAction.Search);
        record.Entry.PatientIds.Should().Equal(found).And.NotContain(sameBirthDateOtherName);
    }

    [Fact]
    public async Task OpenPatientRecord_RefusedAndUnknown_AreRecordedWithTheirOutcome()
    {
        var patientId = Guid.Parse(await factory.RegisterPatientAsync());
        var before = await Log.LastIdAsync();

        (await factory.CreateAnonymousClient().GetAsync($"/api/scheduling/patients/{patientId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.CreateClient(Caller.Staff(Roles.Billing)).GetAsync($"/api/scheduling/patients/{patientId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var unknown = Guid.NewGuid();
        (await factory.FrontDesk().GetAsync($"/api/scheduling/patients/{unknown}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await Log.AfterAsync(before)).Select(r => (r.Entry.StatusCode, r.Entry.Outcome, r.Entry.Subject, Patients: string.Join(",", r.Entry.PatientIds)))
            .Should().Equal(
                (401, AuditOutcome.Refused, "", patientId.ToString()),
                (403, AuditOutcome.Refused, "test-billing", patientId.ToString()),
                (404, AuditOutcome.Refused, "test-front-desk", unknown.ToString()));
    }

    [Fact]
    public async Task BookAndCheckIn_EventsCarryTheCallersSubject()
    {
        var desk = Caller.Staff(Roles.FrontDesk, "north").WithSubject($"desk-{Guid.NewGuid():N}"[..13]);
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var client = factory.CreateClient(desk);

        var booked = await SchedulingFactory.PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        (await client.PostAsJsonAsync($"/api/scheduling/appointments/{booked.AppointmentId}/check-in", SchedulingFactory.Confirmed())).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var session = factory.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(booked.AppointmentId);
        events.Should().HaveCountGreaterThanOrEqualTo(2);
        events.Select(e => e.UserName).Should().OnlyContain(user => user == desk.Subject);
    }

    [Fact]
    public async Task AuditWriter_UpdateDeleteOrTruncate_IsRefusedByTheDatabase()
    {
        await factory.RegisterPatientAsync();
        await using var writer = new NpgsqlConnection(factory.AuditWriterConnectionString);
        await writer.OpenAsync();

        foreach (var sql in new[] { $"UPDATE {AuditSchema.Table} SET subject = 'someone-else'", $"DELETE FROM {AuditSchema.Table}", $"TRUNCATE {AuditSchema.Table}", $"DROP TABLE {AuditSchema.Table}" })
        {
            await using var command = new NpgsqlCommand(sql, writer);
            var refused = await FluentActions.Awaiting(() => command.ExecuteNonQueryAsync()).Should().ThrowAsync<PostgresException>(sql);
            refused.Which.SqlState.Should().BeOneOf(PostgresErrorCodes.InsufficientPrivilege, "42501");
        }
    }

    [Fact]
    public async Task OpenPatientRecord_AuditTrailCannotBeWritten_AnswersWithoutThePatient()
    {
        var lastName = $"Closed-{Guid.NewGuid():N}"[..20];
        var patientId = await factory.RegisterPatientAsync(lastName);
        var writer = AuditSchema.WriterRoleOf(new NpgsqlConnectionStringBuilder(factory.AuditDatabaseConnectionString).Database!);
        await Log.ExecuteAsync($"REVOKE INSERT ON {AuditSchema.Table} FROM {writer}");
        try
        {
            var answer = await factory.FrontDesk().GetAsync($"/api/scheduling/patients/{patientId}");

            ((int)answer.StatusCode).Should().BeGreaterThanOrEqualTo(500);
            (await answer.Content.ReadAsStringAsync()).Should().NotContain(lastName).And.NotContain(patientId);
        }
        finally
        {
            await Log.ExecuteAsync($"GRANT INSERT ON {AuditSchema.Table} TO {writer}");
        }
    }
}
