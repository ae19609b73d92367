using PatientFlow.Scheduling.Clinics;

namespace PatientFlow.Scheduling.Providers.Creating;

/// <param name="Clinic">The code of a registered clinic: its time zone and holidays apply to the provider's slots.</param>
public sealed record CreateProvider(string Name, string Specialty, string Clinic);

public static class CreateProviderDecider
{
    /// <summary>POST /providers</summary>
    public static async Task<Created<ProviderDetails>> Handle(
        CreateProvider command, ProviderCommands commands, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var clinic = await session.LoadAsync<ClinicDetails>(ClinicDetails.IdOf(command.Clinic ?? ""), ct)
            ?? throw new InvalidFieldException("clinic", "is not a registered clinic");
        scope.EnsureAdmits(clinic.Code);
        var created = Decide(Guid.CreateVersion7(), clinic, command, commands.Now);
        return await commands.StartAsync(created.ProviderId, $"/api/scheduling/providers/{created.ProviderId}", [created]);
    }

    public static ProviderCreated Decide(Guid providerId, ClinicDetails clinic, CreateProvider command, DateTimeOffset now) => new(
        providerId, TextField.Required("name", command.Name), TextField.Code("specialty", command.Specialty), clinic.Code, now);
}
