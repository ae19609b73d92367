using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Clinics.DeclaringHolidays;

public sealed record DeclareHoliday(DateOnly Date, string Name);

public static class DeclareHolidayDecider
{
    /// <summary>
    /// The holiday on the clinic, and for each provider of the clinic the free slots of that day
    /// removed. Booked slots stay (their appointments must be moved by a person) and are reported.
    /// </summary>
    public static (HolidayDeclared Holiday, IReadOnlyList<SlotsRemoved> Removed) Decide(
        ClinicDetails clinic, IReadOnlyList<Provider> providers, DeclareHoliday command, DateTimeOffset now)
    {
        var name = Text.Required("name", command.Name);
        if (clinic.IsHoliday(command.Date))
        {
            throw new ConflictException($"{command.Date:yyyy-MM-dd} is already a holiday of clinic {clinic.Code}");
        }

        var holiday = new HolidayDeclared(clinic.ClinicId, command.Date, name, now);
        var removed = providers
            .Select(p => p.RemoveFreeSlots(slot => clinic.DayOf(slot.StartsAt) == command.Date, $"holiday: {name}", now))
            .OfType<SlotsRemoved>()
            .ToList();
        return (holiday, removed);
    }
}
