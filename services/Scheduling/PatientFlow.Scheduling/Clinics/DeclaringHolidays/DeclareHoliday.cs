using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Clinics.DeclaringHolidays;

public sealed record DeclareHoliday(DateOnly Date, string Name);

public static class DeclareHolidayDecider
{
    /// <summary>POST /clinics/{code}/holidays: closes the clinic for a day; every provider of the clinic loses that day's free slots in the same commit.</summary>
    public static async Task<Ok<HolidayResponse>> Handle(
        string code, DeclareHoliday command, ClinicCommands commands, IDocumentSession session, CancellationToken ct)
    {
        var removedSlots = 0;
        var (clinic, events) = await commands.AppendAsync(ClinicDetails.IdOf(code), async (clinic, now) =>
        {
            var providerIds = await session.Query<ProviderDetails>().Where(p => p.Clinic == clinic.Code).Select(p => p.ProviderId).ToListAsync(ct);
            var providers = new List<JasperFx.Events.IEventStream<Provider>>();
            foreach (var id in providerIds.Order())
            {
                providers.Add(await session.Events.FetchForWriting<Provider>(id, ct));
            }

            var (holiday, removed) = Decide(clinic, [.. providers.Select(s => s.Aggregate!)], command, now);
            foreach (var slots in removed)
            {
                providers.Single(s => s.Id == slots.ProviderId).AppendOne(slots);
            }

            removedSlots = removed.Sum(r => r.SlotIds.Count);
            return [holiday];
        });
        var declared = (HolidayDeclared)events[0];
        return TypedResults.Ok(new HolidayResponse(clinic.Code, declared.Date, declared.Name, removedSlots));
    }

    /// <summary>
    /// The holiday on the clinic, and for each provider of the clinic the free slots of that day
    /// removed. Booked slots stay (their appointments must be moved by a person) and are reported.
    /// </summary>
    public static (HolidayDeclared Holiday, IReadOnlyList<SlotsRemoved> Removed) Decide(
        ClinicDetails clinic, IReadOnlyList<Provider> providers, DeclareHoliday command, DateTimeOffset now)
    {
        var name = TextField.Required("name", command.Name);
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

public sealed record HolidayResponse(string Clinic, DateOnly Date, string Name, int SlotsRemoved);
