using System.Text.Json.Serialization;

namespace PatientFlow.Scheduling.Providers.OpeningSlots;

/// <summary>Open <see cref="Count"/> consecutive slots of <see cref="DurationMinutes"/> from <see cref="StartsAt"/>.</summary>
public sealed record OpenSlots([property: JsonConverter(typeof(OffsetRequiredConverter))] DateTimeOffset StartsAt, int DurationMinutes, int Count);

public static class OpenSlotsDecider
{
    /// <summary>POST /providers/{id}/slots: opens consecutive slots by hand; the answer lists them.</summary>
    public static async Task<Created<SlotsResponse>> Handle(Guid providerId, OpenSlots command, ProviderCommands commands)
    {
        var ids = Enumerable.Range(0, Math.Clamp(command.Count, 0, MaxCount)).Select(_ => Guid.CreateVersion7()).ToList();
        var (_, events) = await commands.AppendAsync(providerId, (provider, now) => [Decide(provider, command, ids, now)]);
        return TypedResults.Created($"/api/scheduling/providers/{providerId}/slots", SlotsResponse.Of(providerId, events));
    }

    public const int MaxCount = 96;

    public static SlotsOpened Decide(Provider provider, OpenSlots command, IReadOnlyList<Guid> slotIds, DateTimeOffset now)
    {
        if (command.DurationMinutes is < 5 or > 240)
        {
            throw new InvalidFieldException("durationMinutes", "must be between 5 and 240");
        }

        if (command.Count is < 1 or > MaxCount)
        {
            throw new InvalidFieldException("count", $"must be between 1 and {MaxCount}");
        }

        var duration = TimeSpan.FromMinutes(command.DurationMinutes);
        var slots = Enumerable.Range(0, command.Count)
            .Select(i => new Slot(slotIds[i], command.StartsAt + (i * duration), command.StartsAt + ((i + 1) * duration)))
            .ToList();
        if (slots.FirstOrDefault(slot => provider.Slots.Values.Any(slot.Overlaps)) is { } clash)
        {
            throw new ConflictException($"a slot starting {clash.StartsAt:O} overlaps one provider {provider.Id} already has");
        }

        return new SlotsOpened(provider.Id, slots, now);
    }
}
