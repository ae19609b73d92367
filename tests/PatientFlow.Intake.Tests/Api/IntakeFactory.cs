using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Intake.Tests.Api;

public sealed class IntakeFactory() : ServiceFactory<Program>("intake")
{
    /// <summary>A check-in at a clinic of its own (unless named), so the rooms tests use are free.</summary>
    public static PatientCheckedIn CheckIn(Guid? visitId = null, string? clinic = null) => new(
        Guid.CreateVersion7(), visitId ?? Guid.CreateVersion7(), Guid.CreateVersion7(),
        DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow, Guid.CreateVersion7(), clinic ?? $"clinic-{Guid.NewGuid():N}"[..15]);

    /// <summary>Publishes a check-in as scheduling would and waits until intake shows the encounter.</summary>
    public async Task<JsonElement> CheckInAndWaitAsync(PatientCheckedIn checkedIn)
    {
        await PublishAsync(checkedIn);
        return await WaitForEncounterAsync(checkedIn.VisitId);
    }

    public async Task<JsonElement> WaitForEncounterAsync(Guid visitId)
    {
        var clinician = CreateClient(Roles.Clinician);
        var document = await Eventually.Until(async () =>
        {
            var response = await clinician.GetAsync($"/api/intake/encounters/{visitId}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonDocument>() : null;
        }, what: $"encounter {visitId}");
        return document.RootElement;
    }
}
