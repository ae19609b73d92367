extern alias scheduling;
extern alias tracking;
using System.Net;
using PatientFlow.Platform.Operations;
using scheduling::PatientFlow.Scheduling.Appointments.GettingDetails;
using scheduling::PatientFlow.Scheduling.Patients;
using scheduling::PatientFlow.Scheduling.Providers;
using tracking::PatientFlow.Tracking.Journeys.GettingTimeline;

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
            var patient = await PostAsync<PatientDetails>(client, "/api/scheduling/patients", new
            {
                mrn = $"MRN-{Guid.NewGuid():N}"[..20], firstName = "Ada", lastName = $"Example {visit}", dateOfBirth = "1980-04-12", sex = "female", clinic = "north",
            });
            var provider = await PostAsync<ProviderDetails>(client, "/api/scheduling/providers", new { name = "Dr. Grey", specialty = "family-medicine", clinic = "north" });
            var providerId = provider.ProviderId;
            var slots = await PostAsync<SlotsResponse>(client, $"/api/scheduling/providers/{providerId}/slots",
                new { startsAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), durationMinutes = 20, count = 2 });
            var appointment = await PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments", new
            {
                patientId = patient.PatientId, providerId,
                slotId = slots.Slots[0].SlotId, visitType = "follow-up",
            });
            (await client.PostAsJsonAsync($"/api/scheduling/appointments/{appointment.AppointmentId}/check-in", FrontDeskSetup.ConfirmedCheckIn()))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var ops = scheduling.CreateClient(Roles.Ops);
        var projections = await ops.GetAsync("/api/scheduling/operations/projections").ReadAsAsync<IReadOnlyList<ProjectionStatus>>();
        var inline = projections.Where(p => p.Lifecycle == "inline").Select(p => p.Name).ToList();
        inline.Should().Contain(["AppointmentDetails", "PatientDetails", "ProviderDetails", "ClinicDetails", "AppointmentTypeDetails"]);
        projections.Should().Contain(p => p.Name == "integration-relay");

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
                return response.IsSuccessStatusCode && (await response.ReadAsAsync<VisitTimeline>()).Steps.Count == 2
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

    private static async Task<T> PostAsync<T>(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<T>();
    }
}
