using JasperFx;

namespace PatientFlow.Scheduling.Providers;

public enum SlotStatus
{
    Free,
    Booked,
    Offered,
}

/// <param name="PlacesLeft">Appointments the slot can still take (above one only where the template allows overbooking).</param>
/// <param name="OfferedUntil">While a waitlisted patient may accept the slot, nobody else can book it.</param>
public sealed record SlotDetails(
    Guid SlotId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    SlotStatus Status,
    Guid? AppointmentId,
    Guid? RoomId = null,
    int Capacity = 1,
    int PlacesLeft = 1,
    IReadOnlyList<Guid>? AppointmentIds = null,
    DateTimeOffset? OfferedUntil = null)
{
    public static SlotDetails Of(Slot slot) =>
        new(slot.SlotId, slot.StartsAt, slot.EndsAt, SlotStatus.Free, null, slot.RoomId, slot.Places, slot.Places, [], null);

    public SlotDetails WithAppointments(IReadOnlyList<Guid> appointments) => this with
    {
        AppointmentIds = appointments,
        AppointmentId = appointments.Count > 0 ? appointments[0] : null,
        PlacesLeft = Math.Max(0, Math.Max(1, Capacity) - appointments.Count),
        Status = appointments.Count > 0 ? SlotStatus.Booked : OfferedUntil is null ? SlotStatus.Free : SlotStatus.Offered,
    };
}

/// <summary>The provider, their weekly template, blocked time and slots in time order (inline projection of the provider stream).</summary>
public sealed record ProviderDetails(
    [property: Identity] Guid ProviderId,
    string Name,
    string Specialty,
    string Clinic,
    IReadOnlyList<SlotDetails> Slots,
    IReadOnlyList<TemplateSession>? Template = null,
    IReadOnlyList<TimeBlock>? Blocks = null)
{
    /// <summary>Providers, optionally of one clinic and specialty, by name.</summary>
    public static async Task<IReadOnlyList<ProviderDetails>> MatchingAsync(IQuerySession session, string? clinic, string? specialty, CancellationToken ct)
    {
        var query = session.Query<ProviderDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(clinic))
        {
            var code = clinic.Trim().ToLowerInvariant();
            query = query.Where(p => p.Clinic == code);
        }

        if (!string.IsNullOrWhiteSpace(specialty))
        {
            var wanted = specialty.Trim().ToLowerInvariant();
            query = query.Where(p => p.Specialty == wanted);
        }

        return await query.OrderBy(p => p.Name).ToListAsync(ct);
    }

    /// <summary>The provider; 404 when there is none.</summary>
    public static async Task<ProviderDetails> LoadAsync(IQuerySession session, Guid providerId, CancellationToken ct) =>
        await session.LoadAsync<ProviderDetails>(providerId, ct) ?? throw Provider.NotFound(providerId);

    /// <summary>A provider a command names in its body: one of the caller's clinics', or not found (404, as an unknown id).</summary>
    public static async Task<ProviderDetails> LoadInScopeAsync(IQuerySession session, ClinicScope scope, Guid providerId, CancellationToken ct)
    {
        var provider = await LoadAsync(session, providerId, ct);
        scope.EnsureAdmits([provider.Clinic], () => Provider.NotFound(providerId));
        return provider;
    }

    public static ProviderDetails Create(ProviderCreated created) =>
        new(created.ProviderId, created.Name, created.Specialty, created.Clinic, [], [], []);

    public ProviderDetails Apply(SlotsOpened opened) => this with
    {
        Slots = [.. Slots.Concat(opened.Slots.Select(SlotDetails.Of)).OrderBy(s => s.StartsAt)],
    };

    public ProviderDetails Apply(SlotBooked booked) => Update(booked.SlotId, s => s.WithAppointments([.. s.AppointmentIds ?? Legacy(s), booked.AppointmentId]));

    public ProviderDetails Apply(SlotReleased released) =>
        Update(released.SlotId, s => s.WithAppointments([.. (s.AppointmentIds ?? Legacy(s)).Where(id => id != released.AppointmentId)]));

    public ProviderDetails Apply(SlotsRemoved removed) => this with { Slots = [.. Slots.Where(s => !removed.SlotIds.Contains(s.SlotId))] };

    public ProviderDetails Apply(SlotOffered offered) =>
        Update(offered.SlotId, s => (s with { OfferedUntil = offered.Until }).WithAppointments(s.AppointmentIds ?? Legacy(s)));

    public ProviderDetails Apply(SlotOfferEnded ended) =>
        Update(ended.SlotId, s => (s with { OfferedUntil = null }).WithAppointments(s.AppointmentIds ?? Legacy(s)));

    public ProviderDetails Apply(WeeklyTemplateSet set) => this with { Template = set.Sessions };

    public ProviderDetails Apply(TimeBlocked blocked) =>
        this with { Blocks = [.. Blocks ?? [], new TimeBlock(blocked.BlockId, blocked.StartsAt, blocked.EndsAt, blocked.Reason)] };

    private ProviderDetails Update(Guid slotId, Func<SlotDetails, SlotDetails> change) =>
        this with { Slots = [.. Slots.Select(s => s.SlotId == slotId ? change(s) : s)] };

    // Documents written before slots listed several appointments name at most one.
    private static IReadOnlyList<Guid> Legacy(SlotDetails slot) => slot.AppointmentId is { } id ? [id] : [];
}

/// <summary>Slots of one provider, as a slot command or query answers.</summary>
public sealed record SlotsResponse(Guid ProviderId, IReadOnlyList<SlotDetails> Slots)
{
    /// <summary>The slots that <paramref name="events"/> opened.</summary>
    public static SlotsResponse Of(Guid providerId, IEnumerable<object> events) =>
        new(providerId, [.. events.OfType<SlotsOpened>().SelectMany(opened => opened.Slots).Select(SlotDetails.Of)]);
}
