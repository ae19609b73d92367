using PatientFlow.Scheduling.Clinics;

namespace PatientFlow.Scheduling.Providers.GeneratingSlots;

/// <summary>Open the template's slots for every clinic day from <see cref="From"/> to <see cref="To"/> (inclusive).</summary>
public sealed record GenerateSlots(DateOnly From, DateOnly To);

public static class GenerateSlotsDecider
{
    /// <summary>POST /providers/{id}/template/generation: opens the template's slots over the days asked; the answer lists the new ones.</summary>
    public static async Task<Ok<SlotsResponse>> Handle(Guid providerId, GenerateSlots command, ProviderCommands commands, IQuerySession session, CancellationToken ct)
    {
        var (_, events) = await commands.AppendAsync(providerId, async (provider, now) =>
            Decide(provider, await ClinicDetails.LoadAsync(session, provider.Clinic, ct), command, Guid.CreateVersion7, now) is { } opened ? [opened] : []);
        return TypedResults.Ok(SlotsResponse.Of(providerId, events));
    }

    public const int MaxDays = 92;

    /// <summary>
    /// Slots of the template in the clinic's time zone, skipping holidays, blocked time, the past and any
    /// time already covered: generating the same range twice opens nothing new. Null when nothing is new.
    /// </summary>
    public static SlotsOpened? Decide(Provider provider, ClinicDetails clinic, GenerateSlots command, Func<Guid> newId, DateTimeOffset now)
    {
        if (command.To < command.From)
        {
            throw new InvalidFieldException("to", "must not be before from");
        }

        if (command.To.DayNumber - command.From.DayNumber >= MaxDays)
        {
            throw new InvalidFieldException("to", $"the range must be at most {MaxDays} days");
        }

        if (provider.Template.Count == 0)
        {
            throw new ConflictException($"provider {provider.Id} has no weekly template; set one first");
        }

        var slots = new List<Slot>();
        for (var date = command.From; date <= command.To; date = date.AddDays(1))
        {
            if (clinic.IsHoliday(date))
            {
                continue;
            }

            foreach (var session in provider.Template.Where(s => s.Day == date.DayOfWeek).OrderBy(s => s.Start))
            {
                var count = (int)((session.End - session.Start).TotalMinutes / session.SlotMinutes);
                for (var i = 0; i < count; i++)
                {
                    var start = session.Start.AddMinutes(i * session.SlotMinutes);
                    var startsAt = clinic.At(date, start);
                    var slot = new Slot(Guid.Empty, startsAt, startsAt.AddMinutes(session.SlotMinutes), session.RoomId, 1 + session.Overbook);
                    if (startsAt > now && !provider.Slots.Values.Any(slot.Overlaps) && !provider.Blocks.Any(b => slot.Overlaps(b.StartsAt, b.EndsAt)))
                    {
                        slots.Add(slot with { SlotId = newId() });
                    }
                }
            }
        }

        return slots.Count == 0 ? null : new SlotsOpened(provider.Id, slots, now);
    }
}
