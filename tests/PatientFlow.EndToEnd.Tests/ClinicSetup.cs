namespace PatientFlow.EndToEnd.Tests;

/// <summary>A clinic of a test's own and visits booked into it through the public API.</summary>
public static class ClinicSetup
{
    /// <summary>A new clinic, so what a test reads by clinic is only its own visits.</summary>
    public static async Task<string> NewClinicAsync(HttpClient ops, string prefix = "board")
    {
        var clinic = $"{prefix}-" + Guid.NewGuid().ToString("N")[..8];
        await FrontDeskSetup.EnsureClinicAsync(ops, clinic);
        return clinic;
    }

    /// <summary>Registers a patient Ada with a unique last name and books her into a new provider's slot at the clinic.</summary>
    public static async Task<(string VisitId, string LastName)> BookAsync(HttpClient frontDesk, string clinic)
    {
        var lastName = $"Sample{Guid.NewGuid():N}"[..16];
        var patient = await frontDesk.PostJsonAsync<PatientDetails>("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Ada", lastName, dateOfBirth = "1980-04-12", sex = "female", clinic,
        }, HttpStatusCode.Created);
        var provider = await frontDesk.PostJsonAsync<ProviderDetails>("/api/scheduling/providers",
            new { name = "Dr. Grey", specialty = "family-medicine", clinic }, HttpStatusCode.Created);
        var providerId = provider.ProviderId;
        var slots = await frontDesk.PostJsonAsync<SlotsResponse>($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddMinutes(30).ToString("O"), durationMinutes = 20, count = 1 }, HttpStatusCode.Created);
        var appointment = await frontDesk.PostJsonAsync<AppointmentDetails>("/api/scheduling/appointments",
            new { patientId = patient.PatientId, providerId, slotId = slots.Slots[0].SlotId, visitType = "follow-up" }, HttpStatusCode.Created);
        return (appointment.AppointmentId, lastName);
    }
}
