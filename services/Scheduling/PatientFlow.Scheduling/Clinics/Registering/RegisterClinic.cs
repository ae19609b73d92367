namespace PatientFlow.Scheduling.Clinics.Registering;

/// <param name="TimeZone">IANA zone of the clinic's wall clock, e.g. <c>America/New_York</c>: templates and holidays are in it.</param>
public sealed record RegisterClinic(string Code, string Name, string TimeZone);

public static class RegisterClinicDecider
{
    /// <summary>POST /clinics: a clinic's id follows from its code, so a code is registered once (409 after).</summary>
    public static async Task<Created<ClinicDetails>> Handle(RegisterClinic command, ClinicCommands commands, ClinicScope scope)
    {
        var registered = Decide(command, commands.Now);
        // A new clinic is named on no one's token yet: only a caller with every clinic of the organisation opens one.
        scope.EnsureAdmits(registered.Code);
        await commands.AppendOrStartAsync(registered.ClinicId, (existing, _) =>
            existing is null ? [registered] : throw new ConflictException($"clinic {registered.Code} is already registered"));
        return TypedResults.Created($"/api/scheduling/clinics/{registered.Code}", await commands.ViewAsync(registered.ClinicId));
    }

    public static ClinicRegistered Decide(RegisterClinic command, DateTimeOffset now)
    {
        var code = TextField.Code("code", command.Code);
        var name = TextField.Required("name", command.Name);
        var zone = TextField.Required("timeZone", command.TimeZone, 64);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new InvalidFieldException("timeZone", "is not a known IANA time zone");
        }

        return new ClinicRegistered(ClinicDetails.IdOf(code), code, name, zone, now);
    }
}
