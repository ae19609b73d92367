using System.Collections.Immutable;
using JasperFx;

namespace PatientFlow.Scheduling.Resources;

// Rooms and equipment are schedulable: each has its own stream of reservations, locked with the
// provider's and the patient's streams when an appointment is booked, so none can be double-booked.

public enum ResourceKind
{
    Room,
    Equipment,
}

/// <param name="Category">What it is, for appointment types to ask for: <c>exam-room</c>, <c>procedure-room</c>, <c>ecg</c>, <c>spirometer</c>.</param>
public sealed record ResourceRegistered(Guid ResourceId, ResourceKind Kind, string Code, string Name, string Clinic, string Category, DateTimeOffset RegisteredAt);

public sealed record ResourceReserved(Guid ResourceId, Guid AppointmentId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record ResourceReleased(Guid ResourceId, Guid AppointmentId, DateTimeOffset ReleasedAt);

public sealed record Reservation(Guid AppointmentId, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;
}

/// <summary>A room or piece of equipment and what it is reserved for.</summary>
public sealed record Resource(Guid Id, ResourceKind Kind, string Code, string Clinic, string Category, ImmutableDictionary<Guid, Reservation> Reservations) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"resource {streamId} not found");


    public static Resource Create(ResourceRegistered registered) => new(
        registered.ResourceId, registered.Kind, registered.Code, registered.Clinic, registered.Category, ImmutableDictionary<Guid, Reservation>.Empty);

    public Resource Apply(ResourceReserved reserved) =>
        this with { Reservations = Reservations.SetItem(reserved.AppointmentId, new Reservation(reserved.AppointmentId, reserved.StartsAt, reserved.EndsAt)) };

    public Resource Apply(ResourceReleased released) => this with { Reservations = Reservations.Remove(released.AppointmentId) };

    /// <summary>The reservation in the way of another appointment over this interval, if any.</summary>
    public Reservation? ClashWith(DateTimeOffset startsAt, DateTimeOffset endsAt, Guid appointmentId) =>
        Reservations.Values.FirstOrDefault(r => r.AppointmentId != appointmentId && r.Overlaps(startsAt, endsAt));
}

/// <summary>The resource as listed for the front desk (inline projection).</summary>
public sealed record ResourceDetails([property: Identity] Guid ResourceId, ResourceKind Kind, string Code, string Name, string Clinic, string Category)
{
    public static ResourceDetails Create(ResourceRegistered registered) => new(
        registered.ResourceId, registered.Kind, registered.Code, registered.Name, registered.Clinic, registered.Category);
}
