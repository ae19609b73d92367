using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

public sealed class SchedulingFactory() : ServiceFactory<Program>("scheduling")
{
    public HttpClient FrontDesk() => CreateClient(Roles.FrontDesk);

    public async Task<string> RegisterPatientAsync()
    {
        var body = await PostAsync(FrontDesk(), "/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..20],
            firstName = "Ada",
            lastName = "Example",
            dateOfBirth = "1980-04-12",
            sex = "female",
        });
        return body.GetProperty("patientId").GetString()!;
    }

    /// <summary>A provider with <paramref name="slots"/> free slots; returns its id and the slot ids.</summary>
    public async Task<(string ProviderId, string[] SlotIds)> ProviderWithSlotsAsync(int slots)
    {
        var client = FrontDesk();
        var provider = await PostAsync(client, "/api/scheduling/providers", new { name = "Dr. Grey", specialty = "family-medicine", clinic = "north" });
        var providerId = provider.GetProperty("providerId").GetString()!;
        var opened = await PostAsync(client, $"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), durationMinutes = 20, count = slots });
        return (providerId, [.. opened.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetString()!)]);
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }
}
