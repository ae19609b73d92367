using System.Net.Http.Headers;
using Marten;
using PatientFlow.Scheduling.Appointments.GettingDetails;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>ETag is the appointment stream's version; If-Match makes a command conditional on it.</summary>
public class ConcurrencyTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private async Task<string> BookedAppointmentAsync()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var appointment = await SchedulingFactory.PostAsync<AppointmentDetails>(factory.FrontDesk(), "/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        return appointment.AppointmentId.ToString();
    }

    private static HttpRequestMessage CheckIn(string id, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/appointments/{id}/check-in") { Content = JsonContent.Create(SchedulingFactory.Confirmed()) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Fact]
    public async Task Get_BookedAppointment_ETagIsStreamVersionOne()
    {
        var id = await BookedAppointmentAsync();

        var response = await factory.FrontDesk().GetAsync($"/api/scheduling/appointments/{id}");

        response.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"1\""));
    }

    [Fact]
    public async Task CheckIn_CurrentIfMatch_SucceedsWithNextETag()
    {
        var id = await BookedAppointmentAsync();

        var response = await factory.FrontDesk().SendAsync(CheckIn(id, "\"1\""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"2\""));
        (await factory.FrontDesk().GetAsync($"/api/scheduling/appointments/{id}")).Headers.ETag!.Tag.Should().Be("\"2\"");
    }

    [Fact]
    public async Task CheckIn_StaleIfMatch_412NamingIfMatchAndNothingAppended()
    {
        var id = await BookedAppointmentAsync();
        (await factory.FrontDesk().SendAsync(CheckIn(id, null))).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await factory.FrontDesk().PostAsync($"/api/scheduling/appointments/{id}/check-out", content: null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/appointments/{id}/arrival-correction")
        {
            Content = JsonContent.Create(new { arrivedAt = DateTimeOffset.UtcNow.AddHours(-1), reason = "entered late" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        var rejected = await factory.FrontDesk().SendAsync(stale);

        rejected.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().Should().Be("If-Match");
        problem.GetProperty("currentVersion").GetInt64().Should().Be(3);
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(Guid.Parse(id)))!.Version.Should().Be(3);
    }

    [Fact]
    public async Task CheckIn_MalformedIfMatch_400()
    {
        var id = await BookedAppointmentAsync();

        var response = await factory.FrontDesk().SendAsync(CheckIn(id, "version-one"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CheckIn_TwentyAtOnce_ExactlyOneSucceedsOthers409AndOneCheckInStored()
    {
        var id = await BookedAppointmentAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => factory.FrontDesk().SendAsync(CheckIn(id, null))));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(19);
        await using var session = factory.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(Guid.Parse(id));
        events.Count(e => e.Data is Appointments.PatientCheckedIn).Should().Be(1);
    }
}
