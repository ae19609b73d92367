namespace PatientFlow.Scheduling.AppointmentTypes.Defining;

public sealed record DefineAppointmentType(string Code, string Name, int DurationMinutes, IReadOnlyList<string>? RequiredEquipment = null);

public static class DefineAppointmentTypeDecider
{
    /// <summary>PUT /appointment-types/{code}: defines (or redefines) the type named in the route; the body's code must match it.</summary>
    public static async Task<Ok<AppointmentTypeDetails>> Handle(string code, DefineAppointmentType command, AppointmentTypeCommands commands)
    {
        var defined = Decide(command with { Code = command.Code ?? code }, commands.Now);
        if (!string.Equals(defined.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidFieldException("code", "must match the code in the path");
        }

        await commands.AppendOrStartAsync(defined.AppointmentTypeId, (_, _) => [defined]);
        return TypedResults.Ok(await commands.ViewAsync(defined.AppointmentTypeId));
    }

    public const int MaxEquipment = 4;

    /// <summary>Defining an existing code again changes it for bookings made from now on; booked appointments keep theirs.</summary>
    public static AppointmentTypeDefined Decide(DefineAppointmentType command, DateTimeOffset now)
    {
        var code = TextField.Code("code", command.Code);
        if (command.DurationMinutes is < 5 or > 480)
        {
            throw new InvalidFieldException("durationMinutes", "must be between 5 and 480");
        }

        var equipment = command.RequiredEquipment ?? [];
        if (equipment.Count > MaxEquipment)
        {
            throw new InvalidFieldException("requiredEquipment", $"must list at most {MaxEquipment} categories");
        }

        var categories = equipment.Select((c, i) => TextField.Code($"requiredEquipment[{i}]", c)).ToList();
        if (categories.Distinct().Count() != categories.Count)
        {
            throw new InvalidFieldException("requiredEquipment", "lists a category twice");
        }

        return new AppointmentTypeDefined(AppointmentTypeDetails.IdOf(code), code, TextField.Required("name", command.Name), command.DurationMinutes, categories, now);
    }
}
