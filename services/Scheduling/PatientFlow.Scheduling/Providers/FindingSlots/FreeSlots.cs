using PatientFlow.Scheduling.Clinics;

namespace PatientFlow.Scheduling.Providers.FindingSlots;

/// <summary>Free slots on a clinic day, by specialty and/or clinic, earliest first: for the front desk and for referral's booking over gRPC.</summary>
public static class FreeSlots
{
    /// <summary>GET /slots/free?date=&amp;specialty=&amp;clinic=, in the caller's clinics.</summary>
    public static async Task<Ok<IReadOnlyList<FreeSlot>>> Handle(
        DateOnly date, string? specialty, string? clinic, IQuerySession session, TimeProvider clock, ClinicScope scope, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FreeSlot>>([.. (await FindAsync(session, date, specialty, clinic, clock.GetUtcNow(), ct)).Where(slot => scope.Admits(slot.Clinic))]);

    public static async Task<IReadOnlyList<FreeSlot>> FindAsync(
        IQuerySession session, DateOnly date, string? specialty, string? clinic, DateTimeOffset now, CancellationToken ct)
    {
        var found = new List<FreeSlot>();
        foreach (var group in (await ProviderDetails.MatchingAsync(session, clinic, specialty, ct)).GroupBy(p => p.Clinic))
        {
            var clinicDetails = await ClinicDetails.LoadAsync(session, group.Key, ct);
            found.AddRange(group.SelectMany(p => p.Slots
                .Where(s => s.Status == SlotStatus.Free && s.StartsAt > now && clinicDetails.DayOf(s.StartsAt) == date)
                .Select(s => new FreeSlot(p.ProviderId, p.Name, p.Specialty, p.Clinic, s.SlotId, s.StartsAt, s.EndsAt, s.RoomId))));
        }

        return [.. found.OrderBy(s => s.StartsAt).ThenBy(s => s.ProviderName)];
    }
}
