namespace PatientFlow.Scheduling.Tests.Api;

public class OpenApiTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task GetOpenApiDocument_WithoutToken_DescribesEveryFrontDeskOperationWithItsRoles()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/api/scheduling/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain([
            "/api/scheduling/appointments", "/api/scheduling/appointments/walk-ins", "/api/scheduling/appointments/{appointmentId}/reschedule",
            "/api/scheduling/appointments/{appointmentId}/cancellation", "/api/scheduling/appointments/{appointmentId}/check-in",
            "/api/scheduling/appointments/{appointmentId}/check-out", "/api/scheduling/waitlist/{entryId}/acceptance",
            "/api/scheduling/providers/{providerId}/template", "/api/scheduling/providers/{providerId}/days/{date}", "/api/scheduling/slots/free",
            "/api/scheduling/patients/{patientId}/corrections", "/api/scheduling/patients/{patientId}/appointments", "/api/scheduling/clinics/{code}/holidays",
        ]);
        var template = document.GetProperty("paths").GetProperty("/api/scheduling/providers/{providerId}/template").GetProperty("put");
        template.GetProperty("description").GetString().Should().StartWith("Roles: ops.");
        document.GetProperty("paths").GetProperty("/api/scheduling/appointments").GetProperty("post")
            .GetProperty("description").GetString().Should().StartWith("Roles: front-desk.", "the desk books; clinicians and operations do not");
    }
}
