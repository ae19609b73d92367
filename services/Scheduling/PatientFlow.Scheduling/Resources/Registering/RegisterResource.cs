using PatientFlow.Scheduling.Clinics;

namespace PatientFlow.Scheduling.Resources.Registering;

public sealed record RegisterResource(ResourceKind Kind, string Code, string Name, string Clinic, string Category);

public static class RegisterResourceDecider
{
    /// <summary>POST /resources: a room or piece of equipment of a clinic; its code is registered once per clinic (409 after).</summary>
    public static async Task<Created<ResourceDetails>> Handle(
        RegisterResource command, ResourceCommands commands, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var clinic = await ClinicDetails.LoadAsync(session, command.Clinic ?? throw new InvalidFieldException("clinic", "is required"), ct);
        scope.EnsureAdmits(clinic.Code);
        var registered = Decide(clinic, command, commands.Now);
        await commands.AppendOrStartAsync(registered.ResourceId, (existing, _) =>
            existing is null ? [registered] : throw new ConflictException($"clinic {clinic.Code} already has a resource {registered.Code}"));
        return TypedResults.Created($"/api/scheduling/resources/{registered.ResourceId}", await commands.ViewAsync(registered.ResourceId));
    }

    public static Guid IdOf(string clinic, string code) => StableId.From("resource", $"{clinic}/{code}");

    /// <summary>Codes are unique within a clinic (the stream id derives from both), so <c>EXAM-3</c> means one room.</summary>
    public static ResourceRegistered Decide(ClinicDetails clinic, RegisterResource command, DateTimeOffset now)
    {
        var code = TextField.Required("code", command.Code, 32).ToUpperInvariant();
        return new ResourceRegistered(
            IdOf(clinic.Code, code), command.Kind, code, TextField.Required("name", command.Name), clinic.Code,
            TextField.Code("category", command.Category), now);
    }
}
