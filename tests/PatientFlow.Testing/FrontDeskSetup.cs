using System.Net;
using System.Net.Http.Json;
using FluentAssertions;

namespace PatientFlow.Testing;

/// <summary>
/// What operations set up before the front desk can book (through the gateway or a service): a clinic and the
/// appointment types tests book. Idempotent, so every test and fixture can call it.
/// </summary>
public static class FrontDeskSetup
{
    public static readonly string[] VisitTypes = ["follow-up", "new-patient"];

    /// <param name="ops">A client carrying an <c>ops</c> token.</param>
    public static async Task EnsureClinicAsync(HttpClient ops, string clinic, string timeZone = "America/New_York")
    {
        using var registered = await ops.PostAsJsonAsync("/api/scheduling/clinics", new { code = clinic, name = clinic, timeZone });
        registered.StatusCode.Should().BeOneOf([HttpStatusCode.Created, HttpStatusCode.Conflict], await registered.Content.ReadAsStringAsync());
        foreach (var type in VisitTypes)
        {
            using var defined = await ops.PutAsJsonAsync($"/api/scheduling/appointment-types/{type}", new { code = type, name = type, durationMinutes = 5 });
            defined.StatusCode.Should().Be(HttpStatusCode.OK, await defined.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The check-in body a front desk sends once the patient confirmed demographics and insurance.</summary>
    public static object ConfirmedCheckIn(DateTimeOffset? arrivedAt = null) => new { arrivedAt, demographicsConfirmed = true, insuranceConfirmed = true };
}
