using Microsoft.AspNetCore.Hosting;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

public sealed class SchedulingFactory() : ServiceFactory<Program>("scheduling")
{
    private readonly SemaphoreSlim _setup = new(1, 1);
    private bool _setUp;

    /// <summary>Lateness after two seconds, so a test can arrive late without waiting ten minutes; no background sweeps (tests sweep at chosen instants).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(2);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scheduling:LateAfter", LateAfter.ToString());
        builder.UseSetting("Scheduling:SweepInterval", TimeSpan.FromHours(1).ToString());
    }

    public HttpClient FrontDesk() => CreateClient(Roles.FrontDesk);

    public HttpClient Ops() => CreateClient(Roles.Ops);

    /// <summary>The north clinic (New York time), room EXAM-1, two ECG carts and the appointment types the tests book.</summary>
    public async Task EnsureClinicAsync()
    {
        await _setup.WaitAsync();
        try
        {
            if (_setUp)
            {
                return;
            }

            var ops = Ops();
            var clinic = await ops.PostAsJsonAsync("/api/scheduling/clinics", new { code = "north", name = "North Clinic", timeZone = "America/New_York" });
            clinic.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
            foreach (var (kind, code, category) in new[] { ("room", "EXAM-1", "exam-room"), ("room", "EXAM-2", "exam-room"), ("equipment", "ECG-A", "ecg"), ("equipment", "ECG-B", "ecg") })
            {
                var resource = await ops.PostAsJsonAsync("/api/scheduling/resources", new { kind, code, name = code, clinic = "north", category });
                resource.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
            }

            foreach (var (code, minutes, equipment) in new[] { ("follow-up", 20, Array.Empty<string>()), ("new-patient", 20, []), ("long-visit", 40, []), ("ecg-check", 20, ["ecg"]) })
            {
                var type = await ops.PutAsJsonAsync($"/api/scheduling/appointment-types/{code}", new { code, name = code, durationMinutes = minutes, requiredEquipment = equipment });
                type.StatusCode.Should().Be(HttpStatusCode.OK, await type.Content.ReadAsStringAsync());
            }

            _setUp = true;
        }
        finally
        {
            _setup.Release();
        }
    }

    public async Task<string> RegisterPatientAsync(string? lastName = null)
    {
        var patient = await PostAsync<PatientDetails>(FrontDesk(), "/api/scheduling/patients", NewPatient(lastName));
        return patient.PatientId.ToString();
    }

    /// <summary>A registration at the north clinic, with a fresh MRN and (unless given) a last name of its own.</summary>
    public static object NewPatient(string? lastName = null) => new
    {
        mrn = $"MRN-{Guid.NewGuid():N}"[..20],
        firstName = "Ada",
        // Distinct names: patients sharing a name and birth date are held back as likely duplicates.
        lastName = lastName ?? $"Example-{Guid.NewGuid():N}"[..20],
        dateOfBirth = "1980-04-12",
        sex = "female",
        clinic = "north",
        insuranceMemberId = "W123",
        insurancePayer = "Acme Health",
    };

    public async Task<string> ProviderAsync(string specialty = "family-medicine")
    {
        await EnsureClinicAsync();
        var provider = await PostAsync<ProviderDetails>(FrontDesk(), "/api/scheduling/providers", new { name = "Dr. Grey", specialty, clinic = "north" });
        return provider.ProviderId.ToString();
    }

    /// <summary>A provider with <paramref name="slots"/> free 20-minute slots from tomorrow; returns its id and the slot ids.</summary>
    public async Task<(string ProviderId, string[] SlotIds)> ProviderWithSlotsAsync(int slots, DateTimeOffset? startsAt = null)
    {
        var providerId = await ProviderAsync();
        var opened = await PostAsync<SlotsResponse>(FrontDesk(), $"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = (startsAt ?? DateTimeOffset.UtcNow.AddDays(1)).ToString("O"), durationMinutes = 20, count = slots });
        return (providerId, [.. opened.Slots.Select(s => s.SlotId.ToString())]);
    }

    public static object Confirmed(DateTimeOffset? arrivedAt = null) => new { arrivedAt, demographicsConfirmed = true, insuranceConfirmed = true };

    /// <summary>Posts <paramref name="body"/>, expects 201 Created and reads the answer as <typeparamref name="T"/>.</summary>
    public static async Task<T> PostAsync<T>(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<T>();
    }

    public static Task<JsonElement> PostAsync(HttpClient client, string path, object body) => PostAsync<JsonElement>(client, path, body);
}
