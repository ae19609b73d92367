using JasperFx;

namespace PatientFlow.Scheduling.Providers;

public enum SlotStatus
{
    Free,
    Booked,
}

public sealed record SlotDetails(Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, SlotStatus Status, Guid? AppointmentId);

/// <summary>The provider and their slots in time order (inline projection of the provider stream).</summary>
public sealed record ProviderDetails(
    [property: Identity] Guid ProviderId, string Name, string Specialty, string Clinic, IReadOnlyList<SlotDetails> Slots)
{
    public static ProviderDetails Create(ProviderCreated created) =>
        new(created.ProviderId, created.Name, created.Specialty, created.Clinic, []);

    public ProviderDetails Apply(SlotsOpened opened) => this with
    {
        Slots = [.. Slots.Concat(opened.Slots.Select(s => new SlotDetails(s.SlotId, s.StartsAt, s.EndsAt, SlotStatus.Free, null)))
            .OrderBy(s => s.StartsAt)],
    };

    public ProviderDetails Apply(SlotBooked booked) => this with
    {
        Slots = [.. Slots.Select(s => s.SlotId == booked.SlotId ? s with { Status = SlotStatus.Booked, AppointmentId = booked.AppointmentId } : s)],
    };
}
