namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>
/// A freed slot is offered to a waitlisted patient and held for them until <see cref="Until"/>. Not yet a
/// visit: accepting it books one (an <see cref="AppointmentBooked"/> with <c>BookedVia</c> <c>waitlist</c>).
/// </summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="PatientId">The patient offered the slot.</param>
/// <param name="OccurredAt">When the offer was made.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="WaitlistEntryId">The waitlist entry; accept or decline it by this id.</param>
/// <param name="ProviderId">The slot's provider.</param>
/// <param name="SlotId">The slot offered.</param>
/// <param name="StartsAt">When the slot starts.</param>
/// <param name="Until">The offer lapses at this time and goes to the next patient waiting.</param>
public sealed record WaitlistOfferMade(
    Guid EventId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid WaitlistEntryId,
    Guid ProviderId,
    Guid SlotId,
    DateTimeOffset StartsAt,
    DateTimeOffset Until) : IIntegrationEvent;
