using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Providers.Creating;

public sealed record CreateProvider(string Name, string Specialty, string Clinic);

public static class CreateProviderDecider
{
    public static ProviderCreated Decide(Guid providerId, CreateProvider command, DateTimeOffset now) => new(
        providerId, Required("name", command.Name), Required("specialty", command.Specialty), Required("clinic", command.Clinic), now);

    private static string Required(string field, string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? throw new InvalidFieldException(field, "is required")
            : trimmed.Length > 100 ? throw new InvalidFieldException(field, "must be at most 100 characters")
            : trimmed;
    }
}
