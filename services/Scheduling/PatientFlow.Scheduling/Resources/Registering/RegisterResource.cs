using PatientFlow.Scheduling.Clinics;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Platform.EventStore;

namespace PatientFlow.Scheduling.Resources.Registering;

public sealed record RegisterResource(ResourceKind Kind, string Code, string Name, string Clinic, string Category);

public static class RegisterResourceDecider
{
    public static Guid IdOf(string clinic, string code) => StableId.From("resource", $"{clinic}/{code}");

    /// <summary>Codes are unique within a clinic (the stream id derives from both), so <c>EXAM-3</c> means one room.</summary>
    public static ResourceRegistered Decide(ClinicDetails clinic, RegisterResource command, DateTimeOffset now)
    {
        var code = Text.Required("code", command.Code, 32).ToUpperInvariant();
        return new ResourceRegistered(
            IdOf(clinic.Code, code), command.Kind, code, Text.Required("name", command.Name), clinic.Code,
            Text.Code("category", command.Category), now);
    }
}
