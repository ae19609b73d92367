namespace PatientFlow.Scheduling.Providers.GettingDetails;

public sealed record ProviderSummary(Guid ProviderId, string Name, string Specialty, string Clinic);

/// <summary>Reads of providers and their slots, from the <see cref="ProviderDetails"/> read model.</summary>
public static class ProviderQueries
{
    /// <summary>GET /providers: providers of the caller's clinics, optionally of one clinic and specialty.</summary>
    public static async Task<Ok<IReadOnlyList<ProviderSummary>>> List(string? clinic, string? specialty, IQuerySession session, ClinicScope scope, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ProviderSummary>>(
            [.. (await ProviderDetails.MatchingAsync(session, clinic, specialty, ct)).Where(p => scope.Admits(p.Clinic))
                .Select(p => new ProviderSummary(p.ProviderId, p.Name, p.Specialty, p.Clinic))]);

    /// <summary>GET /providers/{id}</summary>
    public static async Task<Ok<ProviderDetails>> Get(Guid providerId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await ProviderDetails.LoadAsync(session, providerId, ct));

    /// <summary>GET /providers/{id}/slots, optionally only those <c>free</c>, <c>booked</c> or <c>offered</c>.</summary>
    public static async Task<Ok<SlotsResponse>> Slots(Guid providerId, string? status, IQuerySession session, CancellationToken ct)
    {
        SlotStatus? wanted = status?.ToLowerInvariant() switch
        {
            null => null,
            "free" => SlotStatus.Free,
            "booked" => SlotStatus.Booked,
            "offered" => SlotStatus.Offered,
            _ => throw new InvalidFieldException("status", "must be free, booked or offered"),
        };
        var provider = await ProviderDetails.LoadAsync(session, providerId, ct);
        return TypedResults.Ok(new SlotsResponse(providerId, [.. provider.Slots.Where(s => wanted is null || s.Status == wanted)]));
    }
}
