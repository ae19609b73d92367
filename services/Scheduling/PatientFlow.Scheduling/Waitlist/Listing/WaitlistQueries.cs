namespace PatientFlow.Scheduling.Waitlist.Listing;

/// <summary>Reads of the waitlist, from the <see cref="WaitlistEntryDetails"/> read model.</summary>
public static class WaitlistQueries
{
    /// <summary>GET /waitlist: entries still waiting or holding an offer, longest waiting first.</summary>
    public static async Task<Ok<IReadOnlyList<WaitlistEntryDetails>>> List(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<WaitlistEntryDetails>()
            .Where(e => e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered)
            .OrderBy(e => e.WaitlistedAt).ToListAsync(ct));

    /// <summary>GET /waitlist/{id}</summary>
    public static async Task<Ok<WaitlistEntryDetails>> Get(Guid entryId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<WaitlistEntryDetails>(entryId, ct) ?? throw WaitlistEntryDetails.NotFound(entryId));
}
