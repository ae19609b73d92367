namespace PatientFlow.Scheduling.Providers.FindingSlots;

/// <summary>A bookable slot found by specialty, clinic and date.</summary>
public sealed record FreeSlot(Guid ProviderId, string ProviderName, string Specialty, string Clinic, Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, Guid? RoomId);
