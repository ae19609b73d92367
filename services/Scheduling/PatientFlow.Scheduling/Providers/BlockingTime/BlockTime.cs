using System.Text.Json.Serialization;
using PatientFlow.Scheduling.Providers.OpeningSlots;

namespace PatientFlow.Scheduling.Providers.BlockingTime;

/// <summary>The provider is unavailable (leave, meeting, training) from <see cref="StartsAt"/> to <see cref="EndsAt"/>.</summary>
public sealed record BlockTime(
    [property: JsonConverter(typeof(OffsetRequiredConverter))] DateTimeOffset StartsAt,
    [property: JsonConverter(typeof(OffsetRequiredConverter))] DateTimeOffset EndsAt,
    string Reason);

public static class BlockTimeDecider
{
    /// <summary>POST /providers/{id}/blocks: free slots inside the block are removed; booked ones are named, to be moved with the patient.</summary>
    public static async Task<Ok<BlockResponse>> Handle(Guid providerId, BlockTime command, ProviderCommands commands)
    {
        var blockId = Guid.CreateVersion7();
        IReadOnlyList<Guid> affected = [];
        var (_, events) = await commands.AppendAsync(providerId, (provider, now) =>
        {
            (var decided, affected) = Decide(provider, command, blockId, now);
            return decided;
        });
        var removed = events.OfType<SlotsRemoved>().SingleOrDefault()?.SlotIds ?? [];
        return TypedResults.Ok(new BlockResponse(blockId, removed.Count, affected));
    }

    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    /// <summary>
    /// The block, and the free slots inside it removed. Booked appointments in the window are not touched:
    /// they are returned so the front desk can reschedule them with the patient.
    /// </summary>
    public static (IReadOnlyList<object> Events, IReadOnlyList<Guid> AffectedAppointments) Decide(
        Provider provider, BlockTime command, Guid blockId, DateTimeOffset now)
    {
        var reason = TextField.Required("reason", command.Reason, 200);
        if (command.EndsAt <= command.StartsAt)
        {
            throw new InvalidFieldException("endsAt", "must be after startsAt");
        }

        if (command.EndsAt - command.StartsAt > MaxLength)
        {
            throw new InvalidFieldException("endsAt", "a block may last at most 31 days");
        }

        var blocked = new TimeBlocked(provider.Id, blockId, command.StartsAt, command.EndsAt, reason, now);
        var removed = provider.RemoveFreeSlots(s => s.Overlaps(command.StartsAt, command.EndsAt), $"blocked: {reason}", now);
        var affected = provider.Slots.Values.Where(s => s.Overlaps(command.StartsAt, command.EndsAt))
            .OrderBy(s => s.StartsAt).SelectMany(s => provider.BookingsOf(s.SlotId)).Distinct().ToList();
        return (removed is null ? [blocked] : [blocked, removed], affected);
    }
}

/// <param name="AffectedAppointments">Booked appointments inside the block: still booked, to be moved with the patient.</param>
public sealed record BlockResponse(Guid BlockId, int SlotsRemoved, IReadOnlyList<Guid> AffectedAppointments);
