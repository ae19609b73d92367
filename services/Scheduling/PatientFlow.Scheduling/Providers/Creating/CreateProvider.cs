using PatientFlow.Scheduling.Clinics;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Providers.Creating;

/// <param name="Clinic">The code of a registered clinic: its time zone and holidays apply to the provider's slots.</param>
public sealed record CreateProvider(string Name, string Specialty, string Clinic);

public static class CreateProviderDecider
{
    public static ProviderCreated Decide(Guid providerId, ClinicDetails clinic, CreateProvider command, DateTimeOffset now) => new(
        providerId, Text.Required("name", command.Name), Text.Code("specialty", command.Specialty), clinic.Code, now);
}
