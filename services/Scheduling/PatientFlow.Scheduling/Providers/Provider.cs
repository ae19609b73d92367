using System.Collections.Immutable;

namespace PatientFlow.Scheduling.Providers;

// A provider's schedule is one stream, so booking a slot is checked against every other booking
// of that provider atomically (the stream version and the exclusive fetch guard it).

public sealed record ProviderCreated(Guid ProviderId, string Name, string Specialty, string Clinic, DateTimeOffset CreatedAt);

/// <param name="RoomId">The room the provider sees patients in during this slot, when the template names one.</param>
/// <param name="Capacity">How many appointments the slot takes: 1, or more where the template allows overbooking.</param>
public sealed record Slot(Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, Guid? RoomId = null, int Capacity = 1)
{
    public bool Overlaps(Slot other) => Overlaps(other.StartsAt, other.EndsAt);

    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;

    /// <summary>Slots stored before capacity existed read as 0; they took one appointment.</summary>
    public int Places => Math.Max(1, Capacity);
}

public sealed record SlotsOpened(Guid ProviderId, IReadOnlyList<Slot> Slots, DateTimeOffset OpenedAt);

public sealed record SlotBooked(Guid ProviderId, Guid SlotId, Guid AppointmentId, DateTimeOffset BookedAt);

/// <summary>A booking left the slot (cancelled or moved); the place is free again.</summary>
public sealed record SlotReleased(Guid ProviderId, Guid SlotId, Guid AppointmentId, DateTimeOffset ReleasedAt);

/// <summary>Free slots taken off the schedule: a holiday or blocked time.</summary>
public sealed record SlotsRemoved(Guid ProviderId, IReadOnlyList<Guid> SlotIds, string Reason, DateTimeOffset RemovedAt);

public sealed record TimeBlocked(Guid ProviderId, Guid BlockId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Reason, DateTimeOffset BlockedAt);

/// <summary>A freed slot is held for a waitlisted patient until <see cref="Until"/>.</summary>
public sealed record SlotOffered(Guid ProviderId, Guid SlotId, Guid WaitlistEntryId, DateTimeOffset Until);

/// <summary>The hold for a waitlist offer ended: accepted (then booked), declined or expired.</summary>
public sealed record SlotOfferEnded(Guid ProviderId, Guid SlotId, Guid WaitlistEntryId, DateTimeOffset EndedAt);

public sealed record WeeklyTemplateSet(Guid ProviderId, IReadOnlyList<TemplateSession> Sessions, DateTimeOffset SetAt);

/// <summary>One recurring session of a weekly template, in the clinic's wall-clock time.</summary>
/// <param name="Overbook">Extra appointments each slot of the session may take beyond one.</param>
public sealed record TemplateSession(DayOfWeek Day, TimeOnly Start, TimeOnly End, int SlotMinutes, Guid? RoomId, int Overbook);

public sealed record TimeBlock(Guid BlockId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Reason);

public sealed record SlotOffer(Guid WaitlistEntryId, DateTimeOffset Until);

/// <summary>What the deciders need: the provider's clinic, template, blocks and which slots exist, are taken or held.</summary>
public sealed record Provider(
    Guid Id,
    string Clinic,
    string Specialty,
    ImmutableDictionary<Guid, Slot> Slots,
    ImmutableDictionary<Guid, ImmutableList<Guid>> Bookings,
    ImmutableDictionary<Guid, SlotOffer> Offers,
    IReadOnlyList<TemplateSession> Template,
    ImmutableList<TimeBlock> Blocks) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"provider {streamId} not found");


    public static Provider Create(ProviderCreated created) => new(
        created.ProviderId, created.Clinic, created.Specialty, ImmutableDictionary<Guid, Slot>.Empty,
        ImmutableDictionary<Guid, ImmutableList<Guid>>.Empty, ImmutableDictionary<Guid, SlotOffer>.Empty, [], []);

    public Provider Apply(SlotsOpened opened) => this with { Slots = Slots.AddRange(opened.Slots.Select(s => KeyValuePair.Create(s.SlotId, s))) };

    public Provider Apply(SlotBooked booked) =>
        this with { Bookings = Bookings.SetItem(booked.SlotId, BookingsOf(booked.SlotId).Add(booked.AppointmentId)) };

    public Provider Apply(SlotReleased released) =>
        this with { Bookings = Bookings.SetItem(released.SlotId, BookingsOf(released.SlotId).Remove(released.AppointmentId)) };

    public Provider Apply(SlotsRemoved removed) => this with { Slots = Slots.RemoveRange(removed.SlotIds) };

    public Provider Apply(TimeBlocked blocked) =>
        this with { Blocks = Blocks.Add(new TimeBlock(blocked.BlockId, blocked.StartsAt, blocked.EndsAt, blocked.Reason)) };

    public Provider Apply(SlotOffered offered) => this with { Offers = Offers.SetItem(offered.SlotId, new SlotOffer(offered.WaitlistEntryId, offered.Until)) };

    public Provider Apply(SlotOfferEnded ended) => this with { Offers = Offers.Remove(ended.SlotId) };

    public Provider Apply(WeeklyTemplateSet set) => this with { Template = set.Sessions };

    public ImmutableList<Guid> BookingsOf(Guid slotId) => Bookings.GetValueOrDefault(slotId) ?? [];

    public Slot SlotOrThrow(Guid slotId) =>
        Slots.GetValueOrDefault(slotId) ?? throw new NotFoundException($"slot {slotId} not found for provider {Id}");

    /// <summary>A slot with no booking and no live waitlist offer.</summary>
    public bool IsFree(Slot slot, DateTimeOffset now) => BookingsOf(slot.SlotId).IsEmpty && !IsOffered(slot.SlotId, now);

    public bool IsOffered(Guid slotId, DateTimeOffset now) => Offers.TryGetValue(slotId, out var offer) && offer.Until > now;

    /// <summary>The free slots matching <paramref name="remove"/> taken off the schedule, or null when there are none.</summary>
    public SlotsRemoved? RemoveFreeSlots(Func<Slot, bool> remove, string reason, DateTimeOffset now)
    {
        var ids = Slots.Values.Where(s => BookingsOf(s.SlotId).IsEmpty && !Offers.ContainsKey(s.SlotId) && remove(s))
            .OrderBy(s => s.StartsAt).Select(s => s.SlotId).ToList();
        return ids.Count == 0 ? null : new SlotsRemoved(Id, ids, reason, now);
    }

    /// <summary>
    /// The consecutive slots an appointment of <paramref name="duration"/> starting in <paramref name="first"/>
    /// occupies; a gap in the schedule before the duration is covered is a conflict.
    /// </summary>
    public IReadOnlyList<Slot> SlotsCovering(Slot first, TimeSpan duration)
    {
        var end = first.StartsAt + duration;
        var covering = new List<Slot> { first };
        while (covering[^1].EndsAt < end)
        {
            var previous = covering[^1];
            var next = Slots.Values.FirstOrDefault(s => s.StartsAt == previous.EndsAt)
                ?? throw new ConflictException(
                    $"provider {Id} has no slot from {previous.EndsAt:O}; the appointment needs {duration.TotalMinutes:0} consecutive minutes", "provider", Id);
            covering.Add(next);
        }

        return covering;
    }
}
