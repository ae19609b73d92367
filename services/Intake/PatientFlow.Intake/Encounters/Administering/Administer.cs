namespace PatientFlow.Intake.Encounters.Administering;

/// <summary>A vaccine given, by CVX code.</summary>
public sealed record AdministerImmunization(
    string? CvxCode = null, string? Vaccine = null, string? Lot = null, DateOnly? ExpiresOn = null, string? Site = null,
    AdministrationRoute? Route = null, decimal? DoseAmount = null, string? DoseUnit = null, DateTimeOffset? AdministeredAt = null);

/// <summary>A drug injected in the clinic (a J-code when billable).</summary>
public sealed record AdministerInjection(
    string? Drug = null, string? HcpcsCode = null, string? Lot = null, DateOnly? ExpiresOn = null, string? Site = null,
    AdministrationRoute? Route = null, decimal? DoseAmount = null, string? DoseUnit = null, DateTimeOffset? AdministeredAt = null);

public static class AdministerDecider
{
    /// <summary>POST /immunizations</summary>
    public static Task<Ok<EncounterDetails>> HandleImmunization(Guid visitId, AdministerImmunization command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    /// <summary>POST /injections</summary>
    public static Task<Ok<EncounterDetails>> HandleInjection(Guid visitId, AdministerInjection command, EncounterCommands commands) =>
        commands.DecideAsync(visitId, (state, now) => Decide(state, command, now));

    public static IReadOnlyList<object> Decide(Encounter state, AdministerImmunization command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var cvx = TextField.Required("cvxCode", command.CvxCode, 3);
        if (!ClinicalCodes.Cvx().IsMatch(cvx))
        {
            throw new InvalidFieldException("cvxCode", "is a CVX code: one to three digits");
        }

        var given = Given(command.Lot, command.ExpiresOn, command.Site, command.Route, command.DoseAmount, command.DoseUnit, command.AdministeredAt, now);
        return [new ImmunizationAdministered(state.Id, state.PatientId, cvx, TextField.Optional("vaccine", command.Vaccine), given)];
    }

    public static IReadOnlyList<object> Decide(Encounter state, AdministerInjection command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var code = TextField.Optional("hcpcsCode", command.HcpcsCode, 5)?.ToUpperInvariant();
        if (code is not null && !ClinicalCodes.Hcpcs().IsMatch(code))
        {
            throw new InvalidFieldException("hcpcsCode", "is not a well-formed HCPCS code (a letter and four digits, e.g. J1885)");
        }

        var given = Given(command.Lot, command.ExpiresOn, command.Site, command.Route, command.DoseAmount, command.DoseUnit, command.AdministeredAt, now);
        return [new InjectionAdministered(state.Id, state.PatientId, TextField.Required("drug", command.Drug), code, given)];
    }

    /// <summary>Lot, expiry, site, route and dose; a lot that expired before the day it is given is refused.</summary>
    private static Administration Given(
        string? lot, DateOnly? expiresOn, string? site, AdministrationRoute? route, decimal? doseAmount, string? doseUnit, DateTimeOffset? administeredAt, DateTimeOffset now)
    {
        var at = ClinicTime.Resolve("administeredAt", administeredAt, now);
        var expiry = expiresOn ?? throw new InvalidFieldException("expiresOn", "is required");
        if (expiry < DateOnly.FromDateTime(at.DateTime))
        {
            throw new InvalidFieldException("expiresOn", $"the lot expired on {expiry:yyyy-MM-dd}; it must not be given");
        }

        if (doseAmount is not (> 0 and <= 1000))
        {
            throw new InvalidFieldException("doseAmount", "must be more than 0 and at most 1000");
        }

        return new Administration(
            TextField.Required("lot", lot, 30), expiry, TextField.Required("site", site, 50),
            route ?? throw new InvalidFieldException("route", "is required: IM, SC, ID, PO, IN or IV"),
            doseAmount.Value, TextField.Required("doseUnit", doseUnit, 10), at);
    }
}
