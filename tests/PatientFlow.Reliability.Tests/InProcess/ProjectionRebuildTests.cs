using System.Net;
using System.Text.Json;

namespace PatientFlow.Reliability.Tests.InProcess;

/// <summary>An operator rebuilds a projection from its events; the rebuilt documents equal the live ones, byte for byte.</summary>
public sealed class ProjectionRebuildTests(SchedulingService scheduling, TrackingService tracking)
    : IClassFixture<SchedulingService>, IClassFixture<TrackingService>
{
    [Fact]
    public async Task Rebuild_EveryInlineSchedulingProjection_EqualsTheLiveDocuments()
    {
        var client = scheduling.CreateClient(Roles.FrontDesk);
        await FrontDeskSetup.EnsureClinicAsync(scheduling.CreateClient(Roles.Ops), "north");
        for (var visit = 0; visit < 3; visit++)
        {
            var patient = await PostAsync(client, "/api/scheduling/patients", new
            {
                mrn = $"MRN-{Guid.NewGuid():N}"[..20], firstName = "Ada", lastName = $"Example {visit}", dateOfBirth = "1980-04-12", sex = "female",
            });
            var provider = await PostAsync(client, "/api/scheduling/providers", new { name = "Dr. Grey", specialty = "family-medicine", clinic = "north" });
            var providerId = provider.GetProperty("providerId").GetString();
            var slots = await PostAsync(client, $"/api/scheduling/providers/{providerId}/slots",
                new { startsAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), durationMinutes = 20, count = 2 });
            var appointment = await PostAsync(client, "/api/scheduling/appointments", new
            {
                patientId = patient.GetProperty("patientId").GetString(), providerId,
                slotId = slots.GetProperty("slots")[0].GetProperty("slotId").GetString(), visitType = "follow-up",
            });
            (await client.PostAsJsonAsync($"/api/scheduling/appointments/{appointment.GetProperty("appointmentId").GetString()}/check-in", FrontDeskSetup.ConfirmedCheckIn()))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var ops = scheduling.CreateClient(Roles.Ops);
        var projections = await ops.GetFromJsonAsync<JsonElement>("/api/scheduling/operations/projections");
        var inline = projections.EnumerateArray().Where(p => p.GetProperty("lifecycle").GetString() == "inline")
            .Select(p => p.GetProperty("name").GetString()!).ToList();
        inline.Should().Contain(["AppointmentDetails", "PatientDetails", "ProviderDetails", "ClinicDetails", "AppointmentTypeDetails"]);
        projections.EnumerateArray().Should().Contain(p => p.GetProperty("name").GetString() == "integration-relay");

        var rebuiltAny = new List<string>();
        foreach (var name in inline)
        {
            var table = $"mt_doc_{name.ToLowerInvariant()}";
            var live = await OperatorViews.DocumentsAsync(scheduling.DatabaseConnectionString, table);
            if (live.Count == 0)
            {
                // Nothing of this kind was written here (waitlist, rooms): there is nothing to compare.
                continue;
            }

            rebuiltAny.Add(name);
            var rebuild = await ops.PostAsync($"/api/scheduling/operations/projections/{name}/rebuild", null);
            rebuild.StatusCode.Should().Be(HttpStatusCode.OK, await rebuild.Content.ReadAsStringAsync());

            var rebuilt = await OperatorViews.DocumentsAsync(scheduling.DatabaseConnectionString, table);
            rebuilt.Should().Equal(live, $"rebuilding {name} from its events must reproduce it");
        }

        rebuiltAny.Should().Contain(["AppointmentDetails", "PatientDetails", "ProviderDetails", "ClinicDetails", "AppointmentTypeDetails"]);
    }

    [Fact]
    public async Task Rebuild_TrackingsAsyncJourneyProjection_EqualsTheLiveDocuments()
    {
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var visits = Enumerable.Range(0, 4).Select(_ => Visit.New(clinic)).ToList();
        foreach (var visit in visits)
        {
            await tracking.PublishAsync(visit.Booked(at));
            await tracking.PublishAsync(visit.CheckedIn(at.AddMinutes(3)));
        }

        using var ops = tracking.CreateClient(Roles.Ops);
        foreach (var visit in visits)
        {
            await Eventually.Until(async () =>
            {
                var response = await ops.GetAsync($"/api/tracking/visits/{visit.VisitId}/timeline");
                return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("steps").GetArrayLength() == 2
                    ? "ok" : null;
            }, what: $"the journey of {visit.VisitId}");
        }

        var live = await OperatorViews.DocumentsAsync(tracking.DatabaseConnectionString, "mt_doc_visitjourney");
        var rebuild = await ops.PostAsync("/api/tracking/operations/projections/VisitJourney/rebuild", null);
        rebuild.StatusCode.Should().Be(HttpStatusCode.OK, await rebuild.Content.ReadAsStringAsync());

        var rebuilt = await OperatorViews.DocumentsAsync(tracking.DatabaseConnectionString, "mt_doc_visitjourney");
        rebuilt.Should().Equal(live);
    }

    [Fact]
    public async Task Rebuild_UnknownProjection_404()
    {
        using var ops = scheduling.CreateClient(Roles.Ops);
        (await ops.PostAsync("/api/scheduling/operations/projections/NoSuchThing/rebuild", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }
}
