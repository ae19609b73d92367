using PatientFlow.Platform.Audit;
using PatientFlow.Testing.Audit;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Intake.Tests.Api;

/// <summary>Intake's events name who caused them, and its encounter routes leave a record naming the patient.</summary>
public class AuditTrailTests(IntakeFactory factory) : IClassFixture<IntakeFactory>
{
    [Fact]
    public async Task CheckInThenRoomAndRecordVitals_EventsCarryTheConsumerServiceThenTheClinicianSubject()
    {
        var clinician = Caller.Staff(Roles.Clinician).WithSubject($"clin-{Guid.NewGuid():N}"[..13]);
        var client = factory.CreateClient(clinician);
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);
        var log = new AuditLog(factory.AuditDatabaseConnectionString);
        var before = await log.LastIdAsync();

        (await client.PostAsJsonAsync($"/api/intake/encounters/{checkedIn.VisitId}/rooming", new { room = "EXAM-3" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsJsonAsync($"/api/intake/encounters/{checkedIn.VisitId}/vitals", new { heartRate = 72 })).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var session = factory.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(checkedIn.VisitId);
        events[0].UserName.Should().Be("service:intake", "the encounter was opened by a consumed check-in published without a user");
        events.Skip(1).Select(e => e.UserName).Should().NotBeEmpty().And.OnlyContain(user => user == clinician.Subject);
        (await log.AfterAsync(before)).Select(r => (r.Entry.Subject, r.Entry.Action, r.Entry.ResourceId, Patient: r.Entry.PatientIds.Single()))
            .Should().Equal(
                (clinician.Subject, AuditAction.Update, checkedIn.VisitId.ToString(), checkedIn.PatientId),
                (clinician.Subject, AuditAction.Update, checkedIn.VisitId.ToString(), checkedIn.PatientId));
    }
}
