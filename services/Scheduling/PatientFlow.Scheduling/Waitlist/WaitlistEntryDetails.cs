using JasperFx;

namespace PatientFlow.Scheduling.Waitlist;

/// <summary>
/// A patient waiting for an earlier or any slot: with one provider, or any provider of a specialty
/// and/or clinic, optionally only between two times.
/// </summary>
public sealed record PatientWaitlisted(
    Guid EntryId, Guid PatientId, Guid? ProviderId, string? Specialty, string? Clinic, string VisitType,
    DateTimeOffset? EarliestStart, DateTimeOffset? LatestStart, DateTimeOffset WaitlistedAt);

/// <summary>A freed slot is offered; it is held for the patient until <see cref="Until"/>.</summary>
public sealed record WaitlistOfferMade(Guid EntryId, Guid PatientId, Guid ProviderId, Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset Until, DateTimeOffset OfferedAt);

public sealed record WaitlistOfferAccepted(Guid EntryId, Guid PatientId, Guid SlotId, Guid AppointmentId, DateTimeOffset AcceptedAt);

public sealed record WaitlistOfferDeclined(Guid EntryId, Guid PatientId, Guid SlotId, DateTimeOffset DeclinedAt);

/// <summary>The patient did not answer in time; the slot goes to the next patient waiting.</summary>
public sealed record WaitlistOfferExpired(Guid EntryId, Guid PatientId, Guid SlotId, DateTimeOffset ExpiredAt);

public sealed record WaitlistEntryWithdrawn(Guid EntryId, Guid PatientId, string Reason, DateTimeOffset WithdrawnAt);

public enum WaitlistStatus
{
    Waiting,
    Offered,
    Booked,
    Withdrawn,
}

public sealed record WaitlistOffer(Guid ProviderId, Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset Until);

/// <summary>The entry, its current offer and the slots it turned down (inline projection; also the decision state).</summary>
public sealed record WaitlistEntryDetails(
    [property: Identity] Guid EntryId,
    Guid PatientId,
    Guid? ProviderId,
    string? Specialty,
    string? Clinic,
    string VisitType,
    DateTimeOffset? EarliestStart,
    DateTimeOffset? LatestStart,
    DateTimeOffset WaitlistedAt,
    WaitlistStatus Status,
    WaitlistOffer? Offer,
    IReadOnlyList<Guid> PassedSlots,
    Guid? AppointmentId) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"waitlist entry {streamId} not found");


    public static WaitlistEntryDetails Create(PatientWaitlisted waitlisted) => new(
        waitlisted.EntryId, waitlisted.PatientId, waitlisted.ProviderId, waitlisted.Specialty, waitlisted.Clinic, waitlisted.VisitType,
        waitlisted.EarliestStart, waitlisted.LatestStart, waitlisted.WaitlistedAt, WaitlistStatus.Waiting, null, [], null);

    public WaitlistEntryDetails Apply(WaitlistOfferMade offered) =>
        this with { Status = WaitlistStatus.Offered, Offer = new WaitlistOffer(offered.ProviderId, offered.SlotId, offered.StartsAt, offered.Until) };

    public WaitlistEntryDetails Apply(WaitlistOfferAccepted accepted) =>
        this with { Status = WaitlistStatus.Booked, Offer = null, AppointmentId = accepted.AppointmentId };

    // A turned-down slot is never offered to this entry again; the entry keeps its place in the queue.
    public WaitlistEntryDetails Apply(WaitlistOfferDeclined declined) =>
        this with { Status = WaitlistStatus.Waiting, Offer = null, PassedSlots = [.. PassedSlots, declined.SlotId] };

    public WaitlistEntryDetails Apply(WaitlistOfferExpired expired) =>
        this with { Status = WaitlistStatus.Waiting, Offer = null, PassedSlots = [.. PassedSlots, expired.SlotId] };

    public WaitlistEntryDetails Apply(WaitlistEntryWithdrawn _) => this with { Status = WaitlistStatus.Withdrawn, Offer = null };

    /// <summary>The live offer, or 409 when there is none or it ran out.</summary>
    public WaitlistOffer LiveOffer(DateTimeOffset now) =>
        Status != WaitlistStatus.Offered || Offer is null ? throw new ConflictException($"waitlist entry {EntryId} has no open offer")
        : Offer.Until <= now ? throw new ConflictException($"the offer to waitlist entry {EntryId} expired at {Offer.Until:O}")
        : Offer;
}
