using System.Collections.Immutable;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Providers;

// A provider's schedule is one stream, so booking a slot is checked against every other booking
// of that provider atomically (the stream version guards it).

public sealed record ProviderCreated(Guid ProviderId, string Name, string Specialty, string Clinic, DateTimeOffset CreatedAt);

public sealed record Slot(Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Overlaps(Slot other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}

public sealed record SlotsOpened(Guid ProviderId, IReadOnlyList<Slot> Slots, DateTimeOffset OpenedAt);

public sealed record SlotBooked(Guid ProviderId, Guid SlotId, Guid AppointmentId, DateTimeOffset BookedAt);

/// <summary>What the deciders need: the provider's clinic and which slots exist and are taken.</summary>
public sealed record Provider(
    Guid Id, string Clinic, ImmutableDictionary<Guid, Slot> Slots, ImmutableDictionary<Guid, Guid> BookedSlots)
{
    public static Provider Create(ProviderCreated created) =>
        new(created.ProviderId, created.Clinic, ImmutableDictionary<Guid, Slot>.Empty, ImmutableDictionary<Guid, Guid>.Empty);

    public Provider Apply(SlotsOpened opened) => this with { Slots = Slots.AddRange(opened.Slots.Select(s => KeyValuePair.Create(s.SlotId, s))) };

    public Provider Apply(SlotBooked booked) => this with { BookedSlots = BookedSlots.SetItem(booked.SlotId, booked.AppointmentId) };

    public Slot SlotOrThrow(Guid slotId) =>
        Slots.GetValueOrDefault(slotId) ?? throw new NotFoundException($"slot {slotId} not found for provider {Id}");
}
